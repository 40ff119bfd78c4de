"""The pages' Jinja2 templates, stylesheet and script, kept in this module as strings.

They live in Python rather than in data files so that every install of the package
(editable or wheel) carries them without package-data rules. Autoescaping is on for
every template: article text is always escaped, and the only markup inserted unescaped
is the chart SVG this package draws itself from numbers and dates.
"""

from __future__ import annotations

import jinja2

BASE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} · Dotterel</title>
<link rel="stylesheet" href="/static/style.css">
<link rel="icon" href="/static/icon.svg" type="image/svg+xml">
</head>
<body>
<header>
  <a class="brand" href="/">Dotterel</a>
  <nav><a href="/events">Events</a> <a href="/quotes">Quotes</a></nav>
  <a class="json" href="{{ json_url }}" rel="alternate" type="application/json">JSON</a>
</header>
<main>
<h1>{{ title }}</h1>
{% block main %}{% endblock %}
</main>
<footer>Read-only view of {{ db_name }}.</footer>
<script src="/static/chart.js" defer></script>
</body>
</html>
"""

MACROS = """
{% macro actor(a) -%}
{%- if a -%}
<a class="actor" href="/actors/{{ a.code|urlencode }}">{{ a.code }}</a>
{%- if a.name or a.text %} <span class="muted">{{ a.name or a.text }}</span>{% endif -%}
{%- else -%}<span class="muted">none</span>{%- endif -%}
{%- endmacro %}

{% macro event_table(rows) -%}
{% if rows %}
<table class="events">
<thead><tr><th>Date</th><th>Source</th><th>Event</th><th>Target</th><th>Gold&shy;stein</th>
<th>Evidence</th></tr></thead>
<tbody>
{% for r in rows %}
<tr class="quad{{ r.record.quad_class }}">
<td class="date">{{ r.record.date or "undated" }}</td>
<td>{{ actor(r.record.source) }}</td>
<td><a class="event-link" href="/events/{{ r.record.event_id|urlencode }}">{{ r.record.cameo }}
{{ r.code_name }}</a>{% if r.record.negated %} <em>(negated)</em>{% endif %}</td>
<td>{{ actor(r.record.target) }}</td>
<td class="num">{{ r.record.goldstein }}</td>
<td class="evidence">{{ r.snippet }}</td>
</tr>
{% endfor %}
</tbody>
</table>
{% else %}
<p class="empty">No events match.</p>
{% endif %}
{%- endmacro %}

{% macro pager(page) -%}
<p class="pager">{{ page.total }} {{ page.noun }}{% if page.total %}, showing {{ page.first }} to
{{ page.last }}{% endif %}.
{% if page.prev_url %}<a href="{{ page.prev_url }}" rel="prev">newer</a>{% endif %}
{% if page.next_url %}<a href="{{ page.next_url }}" rel="next">older</a>{% endif %}</p>
{%- endmacro %}

{% macro filter_form(action, f, hide=()) -%}
<form class="filters" method="get" action="{{ action }}">
{% if "actor" not in hide %}<label>Actor <input name="actor" value="{{ f.actor or '' }}"
 placeholder="USA, RUSMIL, Putin"></label>{% endif %}
{% if "country" not in hide %}<label>Country <input name="country" value="{{ f.country or '' }}"
 size="4" maxlength="3" placeholder="MEX"></label>{% endif %}
<label>Code <input name="code" value="{{ f.code or '' }}" size="5" maxlength="4"
 placeholder="16"></label>
<label>Quad <select name="quad"><option value="">any</option>
{% for q, name in quads %}<option value="{{ q }}"{% if f.quad == q %} selected{% endif %}>{{ q }}
{{ name }}</option>{% endfor %}</select></label>
<label>Since <input name="since" value="{{ f.since or '' }}" size="10" placeholder="YYYY-MM-DD"></label>
<label>Until <input name="until" value="{{ f.until or '' }}" size="10" placeholder="YYYY-MM-DD"></label>
<label>Text <input name="text" value="{{ f.text or '' }}" placeholder="words in the sentence"></label>
<label><input type="checkbox" name="negated" value="1"{% if f.negated %} checked{% endif %}>
negated too</label>
<button type="submit">Search</button>
</form>
{%- endmacro %}
"""

EVENTS = """{% extends "base.html" %}
{% from "macros.html" import event_table, pager, filter_form with context %}
{% block main %}
{{ filter_form("/events", filters) }}
{{ pager(page) }}
{{ event_table(rows) }}
{% endblock %}
"""

EVENT = """{% extends "base.html" %}
{% from "macros.html" import actor with context %}
{% block main %}
<blockquote class="sentence" id="evidence">
{%- for text, kind in segments -%}
{%- if kind %}<mark class="hl hl-{{ kind }}" title="{{ kind }}">{{ text }}</mark>
{%- else %}{{ text }}{% endif -%}
{%- endfor -%}
</blockquote>
<p class="legend"><mark class="hl hl-trigger">trigger</mark> <mark class="hl hl-source">source</mark>
<mark class="hl hl-target">target</mark></p>
<dl class="facts">
<dt>Date</dt><dd>{{ e.date or "undated" }}{% if e.date %} <span class="muted">({{ e.date_precision }},
from {{ e.date_basis }})</span>{% endif %}</dd>
<dt>Source</dt><dd id="source">{{ actor(e.source) }}{% if e.source and e.source.role %}
<span class="muted">{{ e.source.role }}</span>{% endif %}</dd>
<dt>Target</dt><dd id="target">{{ actor(e.target) }}{% if e.target and e.target.role %}
<span class="muted">{{ e.target.role }}</span>{% endif %}</dd>
{% if dyad_url %}<dt>Dyad</dt><dd><a id="dyad-link" href="{{ dyad_url }}">{{ dyad_label }}</a></dd>{% endif %}
<dt>CAMEO</dt><dd>{{ e.cameo }} {{ code_name }}</dd>
<dt>PLOVER</dt><dd>{{ e.plover or "none" }}{% if e.plover_mode %} ({{ e.plover_mode }}){% endif %}</dd>
<dt>Quad class</dt><dd>{{ e.quad_class }} {{ quad_name }}</dd>
<dt>Goldstein</dt><dd>{{ e.goldstein }}</dd>
<dt>Modality</dt><dd>{{ e.modality }}{% if e.negated %}, negated{% endif %}</dd>
{% if e.info_source %}<dt>Reported by</dt><dd>{{ actor(e.info_source) }}</dd>{% endif %}
<dt>Confidence</dt><dd>{{ e.confidence }}</dd>
<dt>Location</dt><dd>{% if e.location %}{{ e.location.name }}, {{ e.location.country }}
<span class="muted">({{ e.location.lat }}, {{ e.location.lon }})</span>{% else %}none{% endif %}</dd>
<dt>Quote</dt><dd>{% if e.quote %}<q class="quote">{{ e.quote.text }}</q>
<span class="speaker">{{ e.quote.speaker }}</span>{% else %}none{% endif %}</dd>
<dt>Article</dt><dd id="article">{% if doc %}<span class="title">{{ doc.title or doc.doc_id }}</span>
{%- if doc.outlet %}, {{ doc.outlet }}{% endif %}
{%- if doc.published %} ({{ doc.published }}){% endif %}
{%- if safe_url %} <a class="source-url" href="{{ safe_url }}" rel="noopener noreferrer nofollow">link</a>
{%- elif doc.url %} <span class="muted">{{ doc.url }}</span>{% endif %}
{%- else %}{{ e.doc_id }}{% endif %}</dd>
<dt>Event id</dt><dd><code>{{ e.event_id }}</code></dd>
</dl>
{% endblock %}
"""

ACTOR = """{% extends "base.html" %}
{% from "macros.html" import event_table, pager, filter_form with context %}
{% block main %}
{{ filter_form(action, filters, hide=("actor",)) }}
{{ pager(page) }}
{{ event_table(rows) }}
{% endblock %}
"""

DYAD = """{% extends "base.html" %}
{% from "macros.html" import event_table, pager with context %}
{% block main %}
<p><a href="/dyads/{{ b|urlencode }}/{{ a|urlencode }}">swap</a> ·
events between {{ a }} and {{ b }} in either direction, per {{ unit }}.</p>
<figure class="chart">
{% if bins %}{{ svg }}{% else %}<p class="empty">No dated events between {{ a }} and {{ b }}.</p>{% endif %}
<figcaption id="chart-detail">Point at a bar for its week.</figcaption>
</figure>
<section class="relations">
<h2>Relations</h2>
{% if relations.available %}
{% if relations.steps %}
<table class="steps"><thead><tr><th>Date</th><th>Status</th><th>Event</th></tr></thead><tbody>
{% for s in relations.steps %}
<tr><td>{{ s.date }}</td><td class="status status-{{ s.status }}">{{ s.status }}
{%- if s.confirmed %} <span class="muted">(confirmed)</span>{% endif %}</td>
<td>{% if s.event_id %}<a href="/events/{{ s.event_id|urlencode }}">{{ s.event_id }}</a>{% endif %}</td></tr>
{% endfor %}</tbody></table>
{% else %}<p>No change of status recorded: relations: {{ relations.status or "normal" }}.</p>{% endif %}
{% else %}
<p class="unavailable">relations: not available</p>
{% endif %}
</section>
<h2>Events</h2>
{{ pager(page) }}
{{ event_table(rows) }}
{% endblock %}
"""

QUOTES = """{% extends "base.html" %}
{% from "macros.html" import pager, filter_form with context %}
{% block main %}
{{ filter_form("/quotes", filters) }}
{{ pager(page) }}
{% for q in quotes %}
<figure class="quote-card">
<blockquote>{{ q.text }}</blockquote>
<figcaption><span class="speaker">{{ q.speaker or "unknown speaker" }}</span>,
{{ q.date or "undated" }} · <a class="event-link" href="/events/{{ q.event_id|urlencode }}">event</a></figcaption>
</figure>
{% else %}
<p class="empty">No quotes match.</p>
{% endfor %}
{% endblock %}
"""

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #222; background: #fafafa; }
header { display: flex; gap: 1.5em; align-items: baseline; padding: .6em 1.2em;
  background: #243447; color: #fff; }
header a { color: #fff; text-decoration: none; margin-right: .8em; }
header .brand { font-weight: 700; }
header .json { margin-left: auto; font-size: .85em; opacity: .8; }
main { padding: .5em 1.2em 2em; max-width: 1200px; }
footer { padding: 1em 1.2em; color: #777; font-size: .85em; }
h1 { font-size: 1.4em; }
.muted { color: #777; }
.empty { color: #777; font-style: italic; }
form.filters { display: flex; flex-wrap: wrap; gap: .4em 1em; align-items: end;
  background: #fff; padding: .6em; border: 1px solid #ddd; }
form.filters label { font-size: .85em; display: flex; flex-direction: column; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; padding: .3em .5em; border-bottom: 1px solid #eee; vertical-align: top; }
td.num { text-align: right; }
td.date { white-space: nowrap; }
td.evidence { font-size: .9em; color: #444; max-width: 36em; }
tr.quad1 td:first-child { border-left: 4px solid #74add1; }
tr.quad2 td:first-child { border-left: 4px solid #4575b4; }
tr.quad3 td:first-child { border-left: 4px solid #fdae61; }
tr.quad4 td:first-child { border-left: 4px solid #d73027; }
blockquote.sentence { font-size: 1.15em; background: #fff; border-left: 4px solid #243447;
  margin: 1em 0; padding: .8em 1em; white-space: pre-wrap; }
mark.hl { padding: 0 .15em; border-radius: 2px; }
mark.hl-trigger { background: #ffe066; }
mark.hl-source { background: #b2dfdb; }
mark.hl-target { background: #f8bbd0; }
dl.facts { display: grid; grid-template-columns: 9em 1fr; gap: .3em 1em; }
dl.facts dt { font-weight: 600; color: #555; }
dl.facts dd { margin: 0; }
figure.chart { background: #fff; border: 1px solid #ddd; margin: 1em 0; padding: .5em; }
figure.chart figcaption { font-size: .9em; color: #444; min-height: 1.4em; }
svg.timeline g.bin.active rect[fill="transparent"] { fill: rgba(36, 52, 71, .08); }
.status-severed { color: #a50026; font-weight: 600; }
.status-downgraded { color: #f46d43; font-weight: 600; }
.status-restored { color: #1a9850; font-weight: 600; }
.unavailable { color: #777; font-style: italic; }
figure.quote-card { background: #fff; border-left: 4px solid #74add1; margin: .8em 0;
  padding: .5em 1em; }
figure.quote-card blockquote { margin: 0 0 .3em; font-size: 1.05em; }
.speaker { font-weight: 600; }
.pager a { margin-left: .8em; }
"""

# Progressive enhancement for the dyad chart: the SVG's <title> tooltips work without it;
# this shows the hovered week's counts in the caption. It only ever sets textContent.
CHART_JS = """'use strict';
(function () {
  var detail = document.getElementById('chart-detail');
  if (!detail) { return; }
  var bins = document.querySelectorAll('svg.timeline g.bin');
  Array.prototype.forEach.call(bins, function (bin) {
    bin.addEventListener('mouseenter', function () {
      detail.textContent = bin.getAttribute('data-label') || '';
      bin.classList.add('active');
    });
    bin.addEventListener('mouseleave', function () { bin.classList.remove('active'); });
  });
})();
"""

# A dot for the browser tab; served as a file so that browsers stop asking for /favicon.ico.
ICON = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">
<circle cx="8" cy="8" r="6" fill="#243447"/><circle cx="10" cy="6" r="1.5" fill="#fdae61"/></svg>
"""

TEMPLATES = {"base.html": BASE, "macros.html": MACROS, "events.html": EVENTS,
             "event.html": EVENT, "actor.html": ACTOR, "dyad.html": DYAD,
             "quotes.html": QUOTES}


def environment() -> jinja2.Environment:
    """A fresh Jinja2 environment over the templates above, autoescaping everything.

    Missing keys render empty (the default ``Undefined``) because contract records leave
    optional keys out (an actor's ``role``, an event's ``info_source``).
    """
    return jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES), autoescape=True,
                              trim_blocks=True, lstrip_blocks=True)
