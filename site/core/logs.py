"""Logs an operator can ship and search: one JSON object per line (LOG_FORMAT=json), each with the
id of the request it belongs to (X-Request-ID from the load balancer, or a new one, echoed back).

Log messages name records by id and never carry what people wrote: this formatter adds only
the time, level, logger, message, request id and an exception's type and traceback.
"""

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

request_id = contextvars.ContextVar("request_id", default="-")

# A request id from outside is used only if it looks like one (no log injection, bounded size).
SAFE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,100}$")


class RequestIdMiddleware:
    """Gives each request an id (X-Request-ID if the load balancer sent a sane one) for its logs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        rid = given if SAFE_ID.match(given) else uuid.uuid4().hex
        token = request_id.set(rid)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response["X-Request-ID"] = rid
        return response


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", request_id.get()),
        }
        if record.exc_info:
            entry["error"] = record.exc_info[0].__name__
            entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
