#!/usr/bin/env python3
"""Watch a caseflow installation's processes live, written from docs/message-format.md alone.

Binds a queue of its own to the installation's events exchange and prints one line per event:

    EVENT <processId> <seq> <STATUS> <stage>

and, when a process's seq skips (an event was lost, or is late: the docs say to re-read the process then),

    GAP <processId> expected <seq> got <seq>

and, for an event not newer than one already seen (events from different nodes may cross; the docs say to drop it),

    LATE <processId> <seq> after <seq>

    /usr/bin/python3 watch_events.py --amqp amqp://guest:guest@127.0.0.1:5672 --bind 'businessCase1.v1.*'

When the broker goes away it says RECONNECTING, retries (1 s, doubling up to 30 s) and says RECONNECTED once
bound again: events published meanwhile are lost, so re-read the processes you follow.

Needs pika (Debian: apt-get install python3-pika). Stops on SIGTERM, Ctrl+C or after --max-events.
"""
import argparse
import json
import signal
import sys
import time

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
    parser.add_argument("--name", default="caseflow-watch-events", help="the connection's name, as the broker shows it")
    args = parser.parse_args()

    watcher = Watcher(args)
    signal.signal(signal.SIGTERM, lambda *_: watcher.stop())
    delay = 1
    try:
        while not watcher.stopped:
            connections = watcher.connections
            try:
                watcher.watch()  # returns only once stopped
            except pika.exceptions.AMQPConnectionError as error:
                if watcher.stopped:
                    break
                if watcher.connections > connections:
                    delay = 1  # it was bound again since the last outage: this is a new one, back off from the start
                # Events published while we are away are lost: the docs say to re-read the processes we care about.
                print("RECONNECTING in %d s: %s" % (delay, str(error) or type(error).__name__), flush=True)
                deadline = time.monotonic() + delay
                while not watcher.stopped and time.monotonic() < deadline:
                    time.sleep(0.2)
                delay = min(delay * 2, 30)
    except KeyboardInterrupt:
        pass


class Watcher:
    def __init__(self, args):
        self.args = args
        self.last_seq = {}
        self.seen = 0
        self.connections = 0
        self.channel = None
        self.stopped = False

    def stop(self):
        self.stopped = True
        if self.channel is not None:
            self.channel.stop_consuming()

    def watch(self):
        """Binds a queue of its own and prints events until stopped; raises when the connection is lost."""
        parameters = pika.URLParameters(self.args.amqp)
        parameters.client_properties = {"connection_name": self.args.name}
        connection = pika.BlockingConnection(parameters)
        try:
            channel = connection.channel()
            exchange = self.args.installation + ".events"
            channel.exchange_declare(exchange, exchange_type="topic", durable=True)
            # Bounded, as docs/message-format.md asks: if this watcher stalls, the broker drops its oldest events.
            queue = channel.queue_declare("", exclusive=True, auto_delete=True,
                                          arguments={"x-max-length-bytes": 64 * 1024 * 1024,
                                                     "x-overflow": "drop-head"}).method.queue
            channel.queue_bind(queue, exchange, routing_key=self.args.bind)
            channel.basic_qos(prefetch_count=100)
            channel.basic_consume(queue, self.on_message)
            self.channel = channel
            self.connections += 1
            if self.connections == 1:
                print("watching %s with binding key %s" % (exchange, self.args.bind), flush=True)
            else:
                print("RECONNECTED: events published meanwhile are lost; re-read the processes you follow", flush=True)
            channel.start_consuming()
        finally:
            self.channel = None
            if connection.is_open:
                connection.close()
        self.stopped = True  # start_consuming returned: stopped on purpose

    def on_message(self, channel, method, properties, body):
        for event in events_of(body):
            process, seq = event.get("processId"), event.get("seq")
            if not isinstance(process, str) or not isinstance(seq, int):
                print("IGNORED an event without processId or seq", file=sys.stderr, flush=True)
                continue
            self.seen += 1
            known = self.last_seq.get(process)
            if known is not None and seq <= known:
                print("LATE %s %d after %d" % (process, seq, known), flush=True)
                continue
            if known is not None and seq > known + 1:
                print("GAP %s expected %d got %d" % (process, known + 1, seq), flush=True)
            self.last_seq[process] = seq
            print("EVENT %s %d %s %s" % (process, seq, event.get("status"), event.get("stage")), flush=True)
        channel.basic_ack(method.delivery_tag)
        if 0 < self.args.max_events <= self.seen:
            channel.stop_consuming()


if __name__ == "__main__":
    main()
