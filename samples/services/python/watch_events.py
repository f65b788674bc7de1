#!/usr/bin/env python3
"""Watch a caseflow installation's processes live, written from docs/message-format.md alone.

Binds a queue of its own to the installation's events exchange and prints one line per event:

    EVENT <processId> <seq> <STATUS> <stage>

and, when a process's seq skips (an event was lost: the docs say to re-read the process then),

    GAP <processId> expected <seq> got <seq>

    /usr/bin/python3 watch_events.py --amqp amqp://guest:guest@127.0.0.1:5672 --bind 'businessCase1.v1.*'

Needs pika (Debian: apt-get install python3-pika). Stops on SIGTERM, Ctrl+C or after --max-events.
"""
import argparse
import json
import signal
import sys

import pika


def events_of(body):
    """A message's body is a JSON array of events; older builds sent a single event object."""
    try:
        parsed = json.loads(body)
    except ValueError as error:
        print("IGNORED a message that is not JSON: %s" % error, file=sys.stderr, flush=True)
        return []
    if isinstance(parsed, dict):
        return [parsed]
    if isinstance(parsed, list):
        return [event for event in parsed if isinstance(event, dict)]
    print("IGNORED a message that holds no events", file=sys.stderr, flush=True)
    return []


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--amqp", default="amqp://guest:guest@127.0.0.1:5672")
    parser.add_argument("--installation", default="caseflow")
    parser.add_argument("--bind", default="#", help="binding key <case>.<api>.<status>; '#' for every event")
    parser.add_argument("--max-events", type=int, default=0, help="stop after this many events (0: never)")
    args = parser.parse_args()

    connection = pika.BlockingConnection(pika.URLParameters(args.amqp))
    channel = connection.channel()
    exchange = args.installation + ".events"
    channel.exchange_declare(exchange, exchange_type="topic", durable=True)
    queue = channel.queue_declare("", exclusive=True, auto_delete=True).method.queue
    channel.queue_bind(queue, exchange, routing_key=args.bind)
    channel.basic_qos(prefetch_count=100)

    last_seq = {}
    seen = [0]

    def on_message(ch, method, properties, body):
        for event in events_of(body):
            process, seq = event.get("processId"), event.get("seq")
            if not isinstance(process, str) or not isinstance(seq, int):
                print("IGNORED an event without processId or seq", file=sys.stderr, flush=True)
                continue
            expected = last_seq.get(process, seq - 1) + 1
            if seq != expected:
                print("GAP %s expected %d got %d" % (process, expected, seq), flush=True)
            last_seq[process] = max(seq, last_seq.get(process, seq))
            print("EVENT %s %d %s %s" % (process, seq, event.get("status"), event.get("stage")), flush=True)
            seen[0] += 1
        ch.basic_ack(method.delivery_tag)
        if 0 < args.max_events <= seen[0]:
            ch.stop_consuming()

    channel.basic_consume(queue, on_message)
    signal.signal(signal.SIGTERM, lambda *_: channel.stop_consuming())
    print("watching %s with binding key %s" % (exchange, args.bind), flush=True)
    try:
        channel.start_consuming()
    except KeyboardInterrupt:
        channel.stop_consuming()
    connection.close()


if __name__ == "__main__":
    main()
