"""The ASGI app behind ``dotterel serve``: read-only pages over an event store.

Every page has a JSON twin at the same path with ``.json`` appended (``/events.json``,
``/events/<id>.json``) or with ``?format=json``. Bad parameters answer 400, unknown
events and pages 404, a query that runs past the time limit 503, always with a JSON body
``{"error": "..."}``.

Safety: the store is opened read-only, for each request (so a ``dotterel code`` run can
write to the file between requests), and only through the Store API or parameterised
SQL. Every piece of article text reaches the page through Jinja2's autoescaping; the
evidence highlighting splits the sentence into plain-text segments instead of inserting
markup. A Content-Security-Policy that allows only this app's own script and stylesheet
backs that up.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlencode, urlsplit

import duckdb
import jinja2
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import QueryParams
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dotterel.errors import DotterelError, StoreError
from dotterel.serve import templates
from dotterel.serve.chart import QUAD_NAMES, first_day, timeline_svg, weekly_bins
from dotterel.serve.highlight import highlight
from dotterel.store import Store

log = logging.getLogger(__name__)

T = TypeVar("T")

DEFAULT_TIMEOUT = 5.0  # seconds a request's queries may take before they are interrupted
DEFAULT_LIMIT = 100  # events per page
MAX_LIMIT = 1000
JSON_SCOPE_KEY = "dotterel.json"  # set on the ASGI scope when the path ended in ".json"

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_COUNTRY = re.compile(r"^[A-Za-z]{3}$")
_CAMEO = re.compile(r"^\d{1,4}$")
_ACTOR_CODE = re.compile(r"^[A-Za-z0-9]{1,24}$")
_MAX_TEXT = 200  # characters in a free-text filter

SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     b"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


# -- errors ------------------------------------------------------------------------------

class BadRequest(ValueError):
    """A parameter that cannot be used: answered 400."""


class NotFound(LookupError):
    """No such event or page: answered 404."""


class QueryTimeout(DotterelError):
    """The store took longer than the time limit; the query was interrupted (503)."""


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def _bad_request(request: Request, exc: Exception) -> Response:
    return _error(400, str(exc))


async def _not_found(request: Request, exc: Exception) -> Response:
    return _error(404, str(exc))


async def _timeout(request: Request, exc: Exception) -> Response:
    return _error(503, str(exc))


async def _store_error(request: Request, exc: Exception) -> Response:
    # The file is locked by a writer, gone, or unreadable: the server is fine, the store not.
    log.warning("store error: %s", exc)
    return _error(503, str(exc))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return _error(exc.status_code, exc.detail or "error")


# -- middleware --------------------------------------------------------------------------

class JsonSuffix:
    """Serves ``PATH.json`` as ``PATH`` with JSON asked for, so each route exists once.

    ``/.json`` and ``/index.json`` are the front page's twin. Static files are left alone.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path: str = scope["path"]
            if path.endswith(".json") and not path.startswith("/static/"):
                stripped = path[: -len(".json")]
                if stripped in ("", "/index"):
                    stripped = "/"
                raw = scope.get("raw_path")
                raw_stripped = (raw[: -len(b".json")] if isinstance(raw, bytes)
                                and raw.endswith(b".json") else stripped.encode())
                if stripped == "/":
                    raw_stripped = b"/"
                scope = {**scope, "path": stripped, "raw_path": raw_stripped,
                         JSON_SCOPE_KEY: True}
        await self.app(scope, receive, send)


class SecurityHeaders:
    """Adds a strict Content-Security-Policy and friends to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message,
                           "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


# -- reading the store -------------------------------------------------------------------

class Reader:
    """Runs functions of a read-only Store in a worker thread, under a time limit.

    Each call opens the store read-only and closes it afterwards: DuckDB connections
    are not shared between threads, and holding the file open would stop a writer in
    another process. When the time limit passes, the connection is interrupted (DuckDB
    stops the running query) and :class:`QueryTimeout` is raised.
    """

    def __init__(self, path: Path, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.path = path
        self.timeout = timeout

    async def run(self, fn: Callable[[Store], T]) -> T:
        """``fn(store)`` in a thread; raises QueryTimeout after ``self.timeout`` seconds."""
        store = await run_in_threadpool(Store, self.path, True)
        task = asyncio.ensure_future(run_in_threadpool(fn, store))
        try:
            # shield: a timeout must not cancel the awaiting of the thread, which keeps
            # running until DuckDB notices the interrupt; the store closes after that.
            return await asyncio.wait_for(asyncio.shield(task), self.timeout)
        except asyncio.TimeoutError:
            raise QueryTimeout(
                f"the query took longer than {self.timeout:g} s and was stopped; "
                f"narrow the filters (a date range, a country or a code)") from None
        except duckdb.Error as exc:
            raise StoreError(f"cannot read the event store {self.path}: {exc}") from exc
        finally:
            if task.done():
                store.close()
            else:
                store.conn.interrupt()
                task.add_done_callback(lambda done: _close_after(done, store))


def _close_after(task: asyncio.Future[Any], store: Store) -> None:
    """Close the store once an interrupted query's thread has finished."""
    if not task.cancelled():
        task.exception()  # retrieved, so asyncio does not log it as unhandled
    store.close()


# -- parameters --------------------------------------------------------------------------

@dataclass(frozen=True)
class Filters:
    """The event filters a page was asked for, already checked."""

    actor: str | None = None
    country: str | None = None
    code: str | None = None
    quad: int | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    negated: bool = False

    def store_kwargs(self) -> dict[str, Any]:
        """The filters as keyword arguments of :meth:`Store.events`."""
        return {"actor": self.actor, "country": self.country, "code": self.code,
                "quad_class": self.quad, "since": self.since, "until": self.until,
                "text": self.text, "include_negated": self.negated}

    def query(self) -> dict[str, str]:
        """The filters as query-string parameters (only those set), for links."""
        out = {k: str(v) for k, v in asdict(self).items()
               if v not in (None, False) and k != "negated"}
        if self.negated:
            out["negated"] = "1"
        return out


def _bound(value: str, name: str, *, end: bool) -> dt.date:
    """A YYYY, YYYY-MM or YYYY-MM-DD bound as the first (or, for ``end``, last) day."""
    if not _DATE.match(value):
        raise BadRequest(f"{name}={value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in value.split("-")]
    try:
        if len(parts) == 3:
            return dt.date(*parts)
        if len(parts) == 2:
            first = dt.date(parts[0], parts[1], 1)
            if not end:
                return first
            following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)
    except ValueError:
        raise BadRequest(f"{name}={value!r} is not a real date") from None


def _param(params: QueryParams, name: str) -> str | None:
    """A parameter stripped of spaces; None when absent or empty (forms send empties)."""
    value = params.get(name)
    if value is None:
        return None
    value = value.strip()
    return value or None


def parse_filters(params: QueryParams) -> Filters:
    """The event filters in ``params``; raises BadRequest naming the first bad one."""
    actor = _param(params, "actor")
    country = _param(params, "country")
    code = _param(params, "code")
    quad_raw = _param(params, "quad")
    since = _param(params, "since")
    until = _param(params, "until")
    text = _param(params, "text")
    negated_raw = _param(params, "negated")
    if actor is not None and len(actor) > 64:
        raise BadRequest("actor is too long (64 characters at most)")
    if country is not None and not _COUNTRY.match(country):
        raise BadRequest(f"country={country!r} is not a three-letter country code such as MEX")
    if code is not None and not _CAMEO.match(code):
        raise BadRequest(f"code={code!r} is not a CAMEO code or prefix (1 to 4 digits)")
    quad = None
    if quad_raw is not None:
        if quad_raw not in ("1", "2", "3", "4"):
            raise BadRequest(f"quad={quad_raw!r} must be 1, 2, 3 or 4")
        quad = int(quad_raw)
    low = _bound(since, "since", end=False) if since else None
    high = _bound(until, "until", end=True) if until else None
    if low and high and low > high:
        raise BadRequest(f"since={since} is after until={until}")
    if text is not None and len(text) > _MAX_TEXT:
        raise BadRequest(f"text is too long ({_MAX_TEXT} characters at most)")
    if negated_raw not in (None, "0", "1", "true", "false", "on"):
        raise BadRequest(f"negated={negated_raw!r} must be 1 or 0")
    return Filters(actor=actor, country=country.upper() if country else None, code=code,
                   quad=quad, since=since, until=until, text=text,
                   negated=negated_raw in ("1", "true", "on"))


def parse_page(params: QueryParams) -> tuple[int, int]:
    """``(offset, limit)`` from the query; raises BadRequest for bad numbers."""
    out = []
    for name, default, top in (("offset", 0, None), ("limit", DEFAULT_LIMIT, MAX_LIMIT)):
        raw = _param(params, name)
        if raw is None:
            out.append(default)
            continue
        if not raw.isdigit():
            raise BadRequest(f"{name}={raw!r} must be a whole number, 0 or more")
        value = int(raw)
        if top is not None and not 1 <= value <= top:
            raise BadRequest(f"{name}={raw!r} must be between 1 and {top}")
        out.append(value)
    return out[0], out[1]


def wants_json(request: Request) -> bool:
    """Whether the JSON twin was asked for (``.json`` path or ``?format=json``)."""
    fmt = request.query_params.get("format")
    if fmt not in (None, "", "html", "json"):
        raise BadRequest(f"format={fmt!r} must be html or json")
    return bool(request.scope.get(JSON_SCOPE_KEY)) or fmt == "json"


# -- shaping records ---------------------------------------------------------------------

def newest_first(records: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Dated records newest first, then undated ones (the store gives oldest first).

    Python's sort is stable under ``reverse=True``, so one day's events keep the
    store's order (document, then position in the article).
    """
    dated = [r for r in records if first_day(r.get("date")) is not None]
    undated = [r for r in records if first_day(r.get("date")) is None]
    dated.sort(key=lambda r: first_day(r.get("date")) or dt.date.min, reverse=True)
    return dated + undated


def _clip(text: str, width: int = 180) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _safe_url(url: str | None) -> str | None:
    """The article's URL when it is http(s); anything else (``javascript:``) is no link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


def _country(actor: dict[str, Any] | None) -> str | None:
    code = (actor or {}).get("country") or ""
    return code.upper() if _COUNTRY.match(code) else None


def _in_dyad(record: dict[str, Any], a: str, b: str) -> bool:
    pair = {_country(record.get("source")), _country(record.get("target"))}
    return pair == {a, b}


@dataclass(frozen=True)
class Page:
    """One page of a longer list, with links to the pages around it."""

    total: int
    offset: int
    limit: int
    noun: str
    prev_url: str | None
    next_url: str | None

    @property
    def first(self) -> int:
        """The 1-based number of the first item shown."""
        return min(self.offset + 1, self.total)

    @property
    def last(self) -> int:
        """The 1-based number of the last item shown."""
        return min(self.offset + self.limit, self.total)

    def to_dict(self) -> dict[str, Any]:
        """The paging facts for a JSON twin."""
        return {"total": self.total, "offset": self.offset, "limit": self.limit,
                "next": self.next_url, "prev": self.prev_url}


def _page(request: Request, total: int, offset: int, limit: int, noun: str) -> Page:
    def url(new_offset: int) -> str:
        query = {k: v for k, v in request.query_params.items() if v and k != "offset"}
        if new_offset:
            query["offset"] = str(new_offset)
        return request.url.path + (f"?{urlencode(query)}" if query else "")

    prev_url = url(max(offset - limit, 0)) if offset > 0 else None
    next_url = url(offset + limit) if offset + limit < total else None
    return Page(total, offset, limit, noun, prev_url, next_url)


# -- the app -----------------------------------------------------------------------------

class Pages:
    """The request handlers, over one store and one template environment."""

    def __init__(self, reader: Reader, env: jinja2.Environment, db_name: str) -> None:
        self.reader = reader
        self.env = env
        self.db_name = db_name
        self._code_names = _code_names()

    # helpers

    def code_name(self, code: str) -> str:
        """The CAMEO code's short name, or "" when the ontology does not list it."""
        return self._code_names.get(code, "")

    def rows(self, records: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        """Records with what the event table shows beside them."""
        return [{"record": r, "code_name": self.code_name(r.get("cameo") or ""),
                 "snippet": _clip((r.get("evidence") or {}).get("sentence") or "")}
                for r in records]

    def render(self, request: Request, template: str, data: dict[str, Any],
               **context: Any) -> Response:
        """The JSON twin when asked for, else the page."""
        if wants_json(request):
            return JSONResponse(data)
        path = request.url.path
        json_path = "/events.json" if path == "/" else path + ".json"
        query = request.url.query
        html = self.env.get_template(template).render(
            json_url=json_path + (f"?{query}" if query else ""), db_name=self.db_name,
            quads=sorted(QUAD_NAMES.items()), **context)
        return HTMLResponse(html)

    async def _list(self, request: Request, filters: Filters, **narrower: Any
                    ) -> tuple[list[dict[str, Any]], Page]:
        """One page of the records passing ``filters`` (and the ``narrower`` filters of
        :meth:`Store.events`), newest first; the store does the paging."""
        offset, limit = parse_page(request.query_params)
        kwargs = {**filters.store_kwargs(), **narrower}

        def load(store: Store) -> tuple[int, list[dict[str, Any]]]:
            return (store.count_events(**kwargs),
                    store.events(**kwargs, newest_first=True, offset=offset, limit=limit))

        total, records = await self.reader.run(load)
        return records, _page(request, total, offset, limit, "events")

    # handlers

    async def events(self, request: Request) -> Response:
        """``/`` and ``/events``: the event list with search and filters."""
        wants_json(request)  # a bad format answers 400 before any work
        filters = parse_filters(request.query_params)
        records, page = await self._list(request, filters)
        return self.render(request, "events.html",
                           {"filters": filters.query(), **page.to_dict(), "events": records},
                           title="Events", filters=filters, page=page, rows=self.rows(records))

    async def event(self, request: Request) -> Response:
        """``/events/{event_id}``: one event with its highlighted evidence."""
        wants_json(request)
        event_id: str = request.path_params["event_id"]
        if len(event_id) > 200:
            raise NotFound("no such event")

        def load(store: Store) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
            row = store.conn.execute("SELECT record FROM events WHERE event_id = ?",
                                     [event_id]).fetchone()
            if row is None:
                return None, None
            record = json.loads(row[0])
            doc = store.conn.execute(
                "SELECT doc_id, title, url, outlet, CAST(published AS VARCHAR) "
                "FROM documents WHERE doc_id = ?", [record["doc_id"]]).fetchone()
            names = ("doc_id", "title", "url", "outlet", "published")
            return record, (dict(zip(names, doc)) if doc else None)

        record, doc = await self.reader.run(load)
        if record is None:
            raise NotFound(f"no event with id {event_id!r}")
        src, tgt = _country(record.get("source")), _country(record.get("target"))
        dyad_url = f"/dyads/{src}/{tgt}" if src and tgt and src != tgt else None
        links = {"source": (f"/actors/{record['source']['code']}"
                            if (record.get("source") or {}).get("code") else None),
                 "target": (f"/actors/{record['target']['code']}"
                            if (record.get("target") or {}).get("code") else None),
                 "dyad": dyad_url}
        evidence = record.get("evidence") or {}
        segments = highlight(evidence.get("sentence") or "", evidence.get("trigger") or "",
                             (record.get("source") or {}).get("text") or "",
                             (record.get("target") or {}).get("text") or "")
        code = record.get("cameo") or ""
        return self.render(
            request, "event.html",
            {"event": record, "document": doc, "links": links,
             "highlight": [{"text": t, "kind": k} for t, k in segments]},
            title=f"{code} {self.code_name(code)}".strip(), e=record, doc=doc,
            segments=segments, dyad_url=dyad_url,
            dyad_label=f"{src} and {tgt}" if dyad_url else "",
            code_name=self.code_name(code),
            quad_name=QUAD_NAMES.get(record.get("quad_class") or 0, ""),
            safe_url=_safe_url((doc or {}).get("url")))

    async def actor(self, request: Request) -> Response:
        """``/actors/{code}``: events with the actor code (a prefix) as source or target."""
        wants_json(request)
        code: str = request.path_params["code"]
        if not _ACTOR_CODE.match(code):
            raise BadRequest(f"{code!r} is not a CAMEO actor code (letters and digits)")
        code = code.upper()
        filters = parse_filters(request.query_params)
        filters = Filters(**{**asdict(filters), "actor": code})
        records, page = await self._list(request, filters, actor_code=code)
        return self.render(request, "actor.html",
                           {"actor": code, **page.to_dict(), "events": records},
                           title=f"Actor {code}", action=f"/actors/{code}", filters=filters,
                           page=page, rows=self.rows(records))

    async def dyad(self, request: Request) -> Response:
        """``/dyads/{a}/{b}``: the pair's weekly timeline, relations and events."""
        wants_json(request)
        a, b = request.path_params["a"], request.path_params["b"]
        for value in (a, b):
            if not _COUNTRY.match(value):
                raise BadRequest(f"{value!r} is not a three-letter country code such as MEX")
        a, b = a.upper(), b.upper()
        if a == b:
            raise BadRequest("a dyad needs two different countries")
        filters = parse_filters(request.query_params)
        offset, limit = parse_page(request.query_params)
        kwargs = {**filters.store_kwargs(), "country": a}

        def load(store: Store) -> list[dict[str, Any]]:
            return [r for r in store.events(**kwargs) if _in_dyad(r, a, b)]

        records = await self.reader.run(load)  # oldest first, as relations() wants them
        bins, weeks = weekly_bins(records)
        relations = _relations(records, a, b, [x.end.isoformat() for x in bins])
        # Markup: the SVG is drawn by chart.py from dates and counts, no article text in it
        svg = Markup(timeline_svg(bins, weeks, relations.get("by_bin")))
        ordered = newest_first(records)
        page = _page(request, len(ordered), offset, limit, "events")
        shown = ordered[offset: offset + limit]
        unit = "week" if weeks == 1 else f"{weeks} weeks"
        data = {"a": a, "b": b, "weeks_per_bin": weeks, "bins": [x.to_dict() for x in bins],
                "relations": relations,
                **page.to_dict(), "events": shown}
        return self.render(request, "dyad.html", data, title=f"{a} and {b}", a=a, b=b,
                           svg=svg, bins=bins, unit=unit, relations=relations, page=page,
                           rows=self.rows(shown))

    async def quotes(self, request: Request) -> Response:
        """``/quotes``: quoted speech from the events, speaker and text."""
        wants_json(request)
        filters = parse_filters(request.query_params)
        records, page = await self._list(request, filters, quoted=True)
        quotes = [{"speaker": r["quote"].get("speaker") or "", "text": r["quote"].get("text") or "",
                   "event_id": r.get("event_id"), "doc_id": r.get("doc_id"),
                   "date": r.get("date")} for r in records]
        page = Page(page.total, page.offset, page.limit, "quotes", page.prev_url, page.next_url)
        return self.render(request, "quotes.html",
                           {"filters": filters.query(), **page.to_dict(), "quotes": quotes},
                           title="Quotes", filters=filters, page=page, quotes=quotes)

    async def static(self, request: Request) -> Response:
        """The stylesheet and the chart script."""
        name = request.path_params["name"]
        files = {"style.css": (templates.STYLE, "text/css"),
                 "chart.js": (templates.CHART_JS, "text/javascript"),
                 "icon.svg": (templates.ICON, "image/svg+xml")}
        if name not in files:
            raise NotFound(f"no static file {name!r}")
        body, media = files[name]
        return Response(body, media_type=media, headers={"cache-control": "max-age=3600"})

    async def favicon(self, request: Request) -> Response:
        """Clients that ask for /favicon.ico without reading the page's icon link get one."""
        return Response(templates.ICON, media_type="image/svg+xml",
                        headers={"cache-control": "max-age=86400"})


def _relations(records: list[dict[str, Any]], a: str, b: str,
               bin_ends: Sequence[str]) -> dict[str, Any]:
    """The pair's relations status over time, from ``dotterel.merge.relations``.

    Imported here, not at the top, because that module is being written separately: until
    it provides ``relations()``, the page says "relations: not available" instead of failing.
    """
    try:
        from dotterel.merge.relations import relations

        result = relations(records, a, b)
        steps = [{"date": s.date, "status": s.status,
                  "confirmed": bool(getattr(s, "confirmed", False)),
                  "event_id": (s.event or {}).get("event_id")} for s in result.steps]
        by_bin = [result.status_on(day) for day in bin_ends]
        today = result.status_on(dt.date.today().isoformat())
    except (ImportError, AttributeError, NotImplementedError) as exc:
        log.info("relations not available: %s", exc)
        return {"available": False, "steps": [], "status": None, "by_bin": None}
    return {"available": True, "steps": steps, "status": today, "by_bin": by_bin}


def _code_names() -> dict[str, str]:
    """CAMEO code -> short name, from the bundled ontology (empty if it cannot be read:
    the pages then show codes only)."""
    try:
        from dotterel.ontology import load_ontology

        ontology = load_ontology()
        return {code: ontology.cameo(code).name for code in ontology.codes()}
    except (DotterelError, AttributeError, OSError) as exc:
        log.warning("CAMEO names not available: %s", exc)
        return {}


def create_app(db: str | Path, *, query_timeout: float = DEFAULT_TIMEOUT) -> Starlette:
    """The ASGI app over the store at ``db``, read-only.

    Opens the store once now so that a missing or unreadable file fails at start-up
    (StoreError) rather than on the first request. ``query_timeout`` bounds each
    request's reading of the store, in seconds.
    """
    path = Path(db)
    Store(path, read_only=True).close()
    if query_timeout <= 0:
        raise ValueError("query_timeout must be more than 0 seconds")
    pages = Pages(Reader(path, query_timeout), templates.environment(), path.name)
    routes = [
        Route("/", pages.events),
        Route("/events", pages.events),
        Route("/events/{event_id}", pages.event),
        Route("/actors/{code}", pages.actor),
        Route("/dyads/{a}/{b}", pages.dyad),
        Route("/quotes", pages.quotes),
        Route("/static/{name}", pages.static),
        Route("/favicon.ico", pages.favicon),
    ]
    return Starlette(
        routes=routes,
        middleware=[Middleware(SecurityHeaders), Middleware(JsonSuffix)],
        exception_handlers={BadRequest: _bad_request, NotFound: _not_found,
                            QueryTimeout: _timeout, StoreError: _store_error,
                            HTTPException: _http_error},
    )
