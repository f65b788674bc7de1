#!/usr/bin/env python3
"""A caseflow service in Python, written from docs/message-format.md alone.

It answers `charge` commands: each request is applied once per task id (an inbox table in its own
SQLite database, in the same transaction as the command's effect), and its reply is published
persistent, mandatory and confirmed before the request is acknowledged.

    /usr/bin/python3 payments_service.py --amqp amqp://guest:guest@127.0.0.1:5672 \
        --service payments --db payments.sqlite

Needs pika (Debian: apt-get install python3-pika). Stops cleanly on SIGTERM or Ctrl+C.
"""
import argparse
import json
import signal
import sqlite3
import sys

import pika



def queue_arguments(installation):
    """Exactly what the runtime declares for a work queue (docs/message-format.md)."""
    return {
        "x-queue-type": "quorum",
        "x-delivery-limit": 10,
        "x-dead-letter-exchange": installation + ".dlx",
        "x-dead-letter-strategy": "at-least-once",
        "x-overflow": "reject-publish",
    }


def open_inbox(path):
    db = sqlite3.connect(path, isolation_level=None)  # explicit BEGIN/COMMIT below
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE IF NOT EXISTS inbox (task_id TEXT PRIMARY KEY, reply TEXT NOT NULL)")
    db.execute("CREATE TABLE IF NOT EXISTS ledger (task_id TEXT PRIMARY KEY, order_id TEXT, amount TEXT)")
    return db


def apply_command(db, request):
    """Applies the command once per task id; returns the reply to send (stored with the task id)."""
    task_id = request["taskId"]
    db.execute("BEGIN IMMEDIATE")
    try:
        row = db.execute("SELECT reply FROM inbox WHERE task_id = ?", (task_id,)).fetchone()
        if row is not None:  # applied before: answer the same again
            db.execute("ROLLBACK")
            return json.loads(row[0])
        reply = handle(db, request)
        db.execute("INSERT INTO inbox (task_id, reply) VALUES (?, ?)", (task_id, json.dumps(reply)))
        db.execute("COMMIT")
        return reply
    except Exception:
        db.execute("ROLLBACK")
        raise


def handle(db, request):
    command = request.get("command")
    payload = request.get("payload") or {}
    if command != "charge":
        return {"taskId": request["taskId"], "status": "error", "error": "unknown command %r" % command}
    amount = float(payload.get("amount", 0))
    order_id = str(payload.get("orderId"))
    if amount <= 0:
        return {"taskId": request["taskId"], "status": "ok", "outcome": "declined",
                "payload": {"orderId": order_id, "reason": "nothing to charge"}}
    db.execute("INSERT INTO ledger (task_id, order_id, amount) VALUES (?, ?, ?)",
               (request["taskId"], order_id, str(amount)))
    return {"taskId": request["taskId"], "status": "ok", "outcome": "ok",
            "payload": {"orderId": order_id, "receipt": "PY-" + order_id, "amount": amount}}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--amqp", default="amqp://guest:guest@127.0.0.1:5672")
    parser.add_argument("--service", default="payments")
    parser.add_argument("--installation", default="caseflow",
                        help="the caseflow installation: the exchange and the first word of every queue name")
    parser.add_argument("--db", default="payments.sqlite")
    args = parser.parse_args()

    db = open_inbox(args.db)
    connection = pika.BlockingConnection(pika.URLParameters(args.amqp))
    channel = connection.channel()
    channel.confirm_delivery()  # basic_publish now raises if the broker nacks or returns the reply
    exchange = args.installation
    queue = "%s.service.%s.requests" % (args.installation, args.service)
    channel.exchange_declare(exchange, exchange_type="direct", durable=True)
    channel.queue_declare(queue, durable=True, arguments=queue_arguments(args.installation))
    channel.queue_bind(queue, exchange, routing_key=queue)
    channel.basic_qos(prefetch_count=10)

    def on_request(ch, method, properties, body):
        try:
            request = json.loads(body)
            reply_to = request["replyTo"]
            reply = apply_command(db, request)
        except (ValueError, KeyError) as error:  # not a request: let the broker dead-letter it
            print("rejecting a malformed request: %s" % error, file=sys.stderr, flush=True)
            ch.basic_reject(method.delivery_tag, requeue=False)
            return
        if isinstance(request.get("traceparent"), str):
            reply = dict(reply, traceparent=request["traceparent"])  # the reply joins the request's trace
        try:
            ch.basic_publish(exchange, reply_to, json.dumps(reply).encode("utf-8"),
                             pika.BasicProperties(content_type="application/json", delivery_mode=2),
                             mandatory=True)
        except (pika.exceptions.UnroutableError, pika.exceptions.NackError) as error:
            # Not confirmed: keep the request; it comes again and the inbox answers it from storage.
            print("reply to %s not confirmed (%s); the request will come again" % (reply_to, error),
                  file=sys.stderr, flush=True)
            ch.basic_nack(method.delivery_tag, requeue=True)
            return
        ch.basic_ack(method.delivery_tag)

    channel.basic_consume(queue, on_request)
    signal.signal(signal.SIGTERM, lambda *_: channel.stop_consuming())
    print("payments service ready: consuming %s" % queue, flush=True)
    try:
        channel.start_consuming()
    except KeyboardInterrupt:
        channel.stop_consuming()
    connection.close()
    db.close()


if __name__ == "__main__":
    main()
