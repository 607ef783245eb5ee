// Dyad's dashboard: every number comes from the server's aggregations (/api/...); the page only draws them.
// No framework; d3 and topojson-client are served by Dyad itself, and the world outline is Natural Earth data
// bundled at build time, so the page works with no internet.
"use strict";
(() => {
  const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict", 0: "neutral" };
  const FILTERS = ["from", "to", "actor", "country", "root", "code", "plover", "place", "text"];
  const PAGE = 25;
  const state = { filters: {}, offset: 0, bucket: "auto", weight: "events", total: 0 };
  const $ = (selector) => document.querySelector(selector);
  let world = null;
  let pending = 0;

  // ---- requests --------------------------------------------------------------------------------------------------
  function queryString(extra) {
    const params = new URLSearchParams();
    for (const name of FILTERS) if (state.filters[name]) params.set(name, state.filters[name]);
    for (const [name, value] of Object.entries(extra || {})) params.set(name, value);
    return params.toString();
  }

  async function api(path, extra) {
    const response = await fetch(`api/${path}?${queryString(extra)}`, { headers: { Accept: "application/json" } });
    if (!response.ok) {
      let problem = null;
      try { problem = await response.json(); } catch { /* not JSON */ }
      const errors = problem && problem.errors ? Object.values(problem.errors).flat().join(" ") : "";
      throw new Error(`${problem?.code ?? response.status}: ${errors || problem?.detail || problem?.title || response.statusText}`);
    }
    return response.json();
  }

  async function track(promise) {
    pending++;
    document.body.dataset.ready = "false";
    try { await promise; } finally {
      if (--pending === 0) document.body.dataset.ready = "true";
    }
  }

  function failed(container, error) {
    container.replaceChildren(element("p", "empty", `Could not load: ${error.message}`));
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // ---- filters and the address bar ----------------------------------------------------------------------------
  function readHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    state.filters = {};
    for (const name of FILTERS) if (params.get(name)) state.filters[name] = params.get(name);
    state.offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
    const form = $("#filters");
    for (const name of FILTERS) form.elements[name].value = state.filters[name] || "";
  }

  function writeHash() {
    const params = new URLSearchParams(queryString());
    if (state.offset) params.set("offset", state.offset);
    const hash = params.toString();
    if (location.hash.slice(1) !== hash) history.replaceState(null, "", hash ? `#${hash}` : location.pathname);
  }

  function setFilters(changes) {
    Object.assign(state.filters, changes);
    for (const name of FILTERS) if (!state.filters[name]) delete state.filters[name];
    const form = $("#filters");
    for (const name of FILTERS) form.elements[name].value = state.filters[name] || "";
    state.offset = 0;
    refresh();
  }

  // ---- tooltip ----------------------------------------------------------------------------------------------------
  const tooltip = $("#tooltip");
  function showTip(event, text) {
    tooltip.textContent = text;
    tooltip.hidden = false;
    tooltip.style.left = `${Math.min(event.clientX + 12, window.innerWidth - 260)}px`;
    tooltip.style.top = `${event.clientY + 12}px`;
  }
  function hideTip() { tooltip.hidden = true; }
  function tip(selection, text) {
    selection.on("mousemove", (event, d) => showTip(event, text(d))).on("mouseleave", hideTip);
  }

  const number = (value) => Number(value).toLocaleString("en-US", { maximumFractionDigits: 1 });

  // ---- summary ----------------------------------------------------------------------------------------------------
  async function loadSummary() {
    try {
      const s = await api("summary");
      $("#summary").textContent = `${number(s.events)} events from ${number(s.documents)} documents · ${s.kind}${s.can_code ? "" : " · read-only"}`;
    } catch (error) {
      $("#summary").textContent = `Could not load the store: ${error.message}`;
    }
  }

  // ---- timeline -----------------------------------------------------------------------------------------------------
  function periodsBetween(first, last, bucket) {
    const out = [];
    if (bucket === "month") {
      let [y, m] = first.split("-").map(Number);
      const [ly, lm] = last.split("-").map(Number);
      while (y < ly || (y === ly && m <= lm)) {
        out.push(`${y}-${String(m).padStart(2, "0")}`);
        if (++m > 12) { m = 1; y++; }
      }
    } else {
      const day = new Date(`${first}T00:00:00Z`);
      const end = new Date(`${last}T00:00:00Z`);
      while (day <= end && out.length < 5000) {
        out.push(day.toISOString().slice(0, 10));
        day.setUTCDate(day.getUTCDate() + 1);
      }
    }
    return out;
  }

  function periodRange(period, bucket) {
    if (bucket === "day") return [period, period];
    const [y, m] = period.split("-").map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return [`${period}-01`, `${period}-${String(last).padStart(2, "0")}`];
  }

  async function loadTimeline() {
    const container = $("#timeline");
    try {
      let bucket = state.bucket === "auto" ? "month" : state.bucket;
      let data = await api("timeline", { bucket });
      if (state.bucket === "auto" && new Set(data.rows.map((r) => r.period)).size <= 3 && data.rows.length > 0) {
        bucket = "day";
        data = await api("timeline", { bucket });
      }
      drawTimeline(container, data.rows, bucket);
    } catch (error) {
      failed(container, error);
    }
  }

  function drawTimeline(container, rows, bucket) {
    if (rows.length === 0) {
      container.replaceChildren(element("p", "empty", "No dated events match."));
      return;
    }
    const sorted = rows.map((r) => r.period).sort();
    const periods = periodsBetween(sorted[0], sorted[sorted.length - 1], bucket);
    const byPeriod = new Map(periods.map((p) => [p, { period: p, total: 0, parts: [] }]));
    for (const q of [1, 2, 3, 4, 0]) {
      for (const r of rows.filter((row) => row.quad_class === q)) {
        const entry = byPeriod.get(r.period);
        if (!entry) continue;
        entry.parts.push({ period: r.period, quad: q, events: r.events, goldstein: r.goldstein, y0: entry.total, y1: entry.total + r.events });
        entry.total += r.events;
      }
    }
    const width = Math.max(container.clientWidth, 600), height = 220;
    const margin = { top: 10, right: 10, bottom: 28, left: 44 };
    const x = d3.scaleBand().domain(periods).range([margin.left, width - margin.right]).paddingInner(periods.length > 200 ? 0 : 0.15);
    const y = d3.scaleLinear().domain([0, d3.max([...byPeriod.values()], (d) => d.total) || 1]).nice().range([height - margin.bottom, margin.top]);
    const svg = d3.create("svg").attr("viewBox", `0 0 ${width} ${height}`).attr("role", "img")
      .attr("aria-label", `Events per ${bucket} by QuadClass`).attr("data-bucket", bucket).attr("data-periods", periods.length);
    const ticks = Math.max(1, Math.ceil(periods.length / 12));
    svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - margin.bottom})`)
      .call(d3.axisBottom(x).tickValues(periods.filter((_, i) => i % ticks === 0)).tickSizeOuter(0));
    svg.append("g").attr("class", "axis").attr("transform", `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(5, "~s"));
    const parts = [...byPeriod.values()].flatMap((d) => d.parts);
    const barWidth = Math.max(1, Math.min(x.bandwidth(), 48)); // a lone period is a bar, not a wall
    svg.append("g").selectAll("rect").data(parts).join("rect")
      .attr("class", (d) => `bar q${d.quad}`)
      .attr("data-period", (d) => d.period).attr("data-quad", (d) => d.quad).attr("data-events", (d) => d.events)
      .attr("x", (d) => x(d.period) + (x.bandwidth() - barWidth) / 2).attr("width", barWidth)
      .attr("y", (d) => y(d.y1)).attr("height", (d) => Math.max(0, y(d.y0) - y(d.y1)))
      .call(tip, (d) => `${d.period}\n${number(d.events)} ${QUADS[d.quad]}\nGoldstein sum ${number(d.goldstein)}`)
      .on("click", (_, d) => { const [from, to] = periodRange(d.period, bucket); hideTip(); setFilters({ from, to }); });
    container.replaceChildren(svg.node());
  }

  // ---- dyads ------------------------------------------------------------------------------------------------------
  async function loadDyads() {
    const container = $("#dyads");
    try {
      drawMatrix(container, await api("dyads", { top: 80 }));
    } catch (error) {
      failed(container, error);
    }
  }

  function drawMatrix(container, dyads) {
    if (dyads.length === 0) {
      container.replaceChildren(element("p", "empty", "No events match."));
      return;
    }
    const rank = (key) => [...d3.rollup(dyads, (v) => d3.sum(v, (d) => d.events), key)].sort((a, b) => b[1] - a[1] || d3.ascending(a[0], b[0])).slice(0, 14).map((e) => e[0]);
    const sources = rank((d) => d.source), targets = rank((d) => d.target);
    const cells = dyads.filter((d) => sources.includes(d.source) && targets.includes(d.target));
    const value = (d) => (state.weight === "goldstein" ? d.goldstein : d.events);
    const width = Math.max(container.clientWidth, 360);
    const margin = { top: 70, right: 10, bottom: 10, left: 80 };
    const size = Math.min(34, Math.floor((width - margin.left - margin.right) / Math.max(targets.length, 1)));
    const height = margin.top + size * sources.length + margin.bottom;
    const x = d3.scaleBand().domain(targets).range([margin.left, margin.left + size * targets.length]);
    const y = d3.scaleBand().domain(sources).range([margin.top, margin.top + size * sources.length]);
    let color;
    if (state.weight === "goldstein") {
      const extent = d3.max(cells, (d) => Math.abs(d.goldstein)) || 1;
      color = d3.scaleDiverging(d3.interpolateRdBu).domain([-extent, 0, extent]);
    } else {
      color = d3.scaleSequentialSqrt(d3.interpolateBlues).domain([0, d3.max(cells, (d) => d.events) || 1]);
    }
    const svg = d3.create("svg").attr("viewBox", `0 0 ${width} ${height}`).attr("role", "img").attr("aria-label", "Events by source (rows) and target (columns)");
    svg.append("g").selectAll("text").data(sources).join("text").attr("class", "matrix-label")
      .attr("x", margin.left - 6).attr("y", (d) => y(d) + size / 2).attr("dy", "0.35em").attr("text-anchor", "end").text((d) => d);
    svg.append("g").selectAll("text").data(targets).join("text").attr("class", "matrix-label")
      .attr("transform", (d) => `translate(${x(d) + size / 2},${margin.top - 6}) rotate(-55)`).text((d) => d);
    svg.append("text").attr("class", "matrix-label").attr("x", 4).attr("y", 14).text("source ↓  target →");
    svg.append("g").selectAll("rect").data(cells).join("rect").attr("class", "cell")
      .attr("data-source", (d) => d.source).attr("data-target", (d) => d.target).attr("data-events", (d) => d.events)
      .attr("x", (d) => x(d.target)).attr("y", (d) => y(d.source)).attr("width", size).attr("height", size)
      .attr("fill", (d) => color(value(d)))
      .call(tip, (d) => `${d.source} → ${d.target}\n${number(d.events)} events in ${number(d.articles)} documents\nGoldstein sum ${number(d.goldstein)}`)
      .on("click", (_, d) => { hideTip(); setFilters({ actor: d.source }); });
    container.replaceChildren(svg.node());
  }

  // ---- map ----------------------------------------------------------------------------------------------------------
  async function loadMap() {
    const container = $("#map");
    try {
      world ??= await (await fetch("lib/countries-110m.json")).json();
      drawMap(container, await api("places", { limit: 2000 }));
    } catch (error) {
      failed(container, error);
    }
  }

  function drawMap(container, places) {
    const width = Math.max(container.clientWidth, 360), height = Math.round(width * 0.52);
    const land = topojson.feature(world, world.objects.countries);
    const projection = d3.geoNaturalEarth1().fitExtent([[4, 4], [width - 4, height - 4]], { type: "Sphere" });
    const path = d3.geoPath(projection);
    const svg = d3.create("svg").attr("viewBox", `0 0 ${width} ${height}`).attr("role", "img").attr("aria-label", "Places of events")
      .attr("data-places", places.length);
    svg.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
    svg.append("g").selectAll("path").data(land.features).join("path").attr("class", "land").attr("d", path);
    const radius = d3.scaleSqrt().domain([0, d3.max(places, (d) => d.events) || 1]).range([2.5, 18]);
    const color = d3.scaleDiverging(d3.interpolateRdBu).domain([-10, 0, 10]);
    svg.append("g").selectAll("circle").data([...places].sort((a, b) => b.events - a.events)).join("circle").attr("class", "place")
      .attr("data-name", (d) => d.name ?? "").attr("data-events", (d) => d.events)
      .attr("cx", (d) => projection([d.lon, d.lat])[0]).attr("cy", (d) => projection([d.lon, d.lat])[1])
      .attr("r", (d) => radius(d.events)).attr("fill", (d) => color(d.goldstein / d.events))
      .call(tip, (d) => `${d.name ?? "?"}${d.country ? `, ${d.country}` : ""}\n${number(d.events)} events\nmean Goldstein ${number(d.goldstein / d.events)}`)
      .on("click", (_, d) => { hideTip(); if (d.name) setFilters({ place: d.name }); });
    $("#map-note").textContent = places.length ? `${places.length} places · colour: mean Goldstein (red conflict, blue cooperation)` : "no located events match";
    container.replaceChildren(svg.node());
  }

  // ---- events list and evidence -------------------------------------------------------------------------------------
  async function loadEvents() {
    const body = $("#events tbody");
    try {
      const page = await api("events", { limit: PAGE, offset: state.offset });
      state.total = page.total;
      body.replaceChildren(...page.items.map(eventRow));
      if (page.items.length === 0) {
        const row = element("tr");
        const cell = element("td", "empty", "No events match.");
        cell.colSpan = 6;
        row.append(cell);
        body.append(row);
      }
      const last = Math.min(state.offset + page.items.length, page.total);
      $("#page-info").textContent = page.total ? `${number(state.offset + 1)}–${number(last)} of ${number(page.total)}` : "0 events";
      $("#prev").disabled = state.offset === 0;
      $("#next").disabled = last >= page.total;
    } catch (error) {
      const row = element("tr");
      const cell = element("td", "empty", `Could not load: ${error.message}`);
      cell.colSpan = 6;
      row.append(cell);
      body.replaceChildren(row);
    }
  }

  function eventRow(e) {
    const row = element("tr");
    row.dataset.id = e.id;
    const what = element("td");
    const dot = element("span", `quad q${e.quad_class}`);
    dot.title = QUADS[e.quad_class] ?? "";
    what.append(dot, element("span", "code", e.cameo), ` ${e.plover?.event ?? ""}`);
    row.append(
      element("td", "code", e.date ?? "—"),
      element("td", "code", e.source),
      what,
      element("td", "code", e.target),
      element("td", null, e.location?.name ?? "—"),
      element("td", null, e.document.title ?? e.document.id));
    row.addEventListener("click", () => {
      document.querySelectorAll("#events tr.selected").forEach((r) => r.classList.remove("selected"));
      row.classList.add("selected");
      track(openEvidence(e.id));
    });
    return row;
  }

  function highlighted(evidence) {
    const text = evidence.text;
    const spans = [["source", evidence.source], ["verb", evidence.verb], ["target", evidence.target]]
      .filter(([, s]) => s)
      .map(([role, s]) => ({ role, start: s.start - evidence.start, end: s.end - evidence.start, words: s.text }))
      .filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end)
      .sort((a, b) => a.start - b.start);
    const nodes = [];
    let at = 0;
    for (const s of spans) {
      if (s.start < at) continue; // overlapping spans: keep the first
      nodes.push(document.createTextNode(text.slice(at, s.start)));
      const mark = element("mark", s.role, text.slice(s.start, s.end));
      mark.title = s.role;
      nodes.push(mark);
      at = s.end;
    }
    nodes.push(document.createTextNode(text.slice(at)));
    return nodes;
  }

  function safeLink(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch { return null; }
  }

  async function openEvidence(id) {
    const panel = $("#evidence");
    panel.hidden = false;
    panel.dataset.id = id;
    const list = panel.querySelector("dl");
    try {
      const { event: e, document: d } = await api(`events/${id}`);
      panel.querySelector(".sentence").replaceChildren(...highlighted(e.evidence));
      const rows = [
        ["Event", `${e.cameo} (root ${e.root}) · ${QUADS[e.quad_class] ?? ""} · Goldstein ${e.goldstein ?? "—"}`],
        ["PLOVER", [e.plover?.event, e.plover?.mode, e.plover?.context].filter(Boolean).join(" · ") || "—"],
        ["Source", `${e.source} — “${e.evidence.source?.text ?? "?"}”`],
        ["Verb", `“${e.evidence.verb.text}”`],
        ["Target", `${e.target} — “${e.evidence.target?.text ?? "?"}”`],
        ["Date", `${e.date ?? "—"}${e.date_precision ? ` (${e.date_precision})` : ""}`],
        ["Place", e.location ? `${e.location.name ?? "?"}${e.location.country ? `, ${e.location.country}` : ""}${e.location.lat != null ? ` (${e.location.lat.toFixed(2)}, ${e.location.lon.toFixed(2)})` : ""}` : "—"],
        ["Rule", e.rule],
        ["Rule source", e.rule_source],
        ["Document", d.title ?? d.key],
        ["Published", d.published ? d.published.slice(0, 10) : "—"],
        ["Outlet", d.source ?? "—"],
        ["Link", d.url],
        ["Sentence", `${e.evidence.sentence} of the document (characters ${e.evidence.start}–${e.evidence.end})`],
        ["Knowledge base", d.knowledge_base],
      ];
      list.replaceChildren(...rows.flatMap(([name, value]) => {
        const dd = element("dd", name === "Rule" || name === "Rule source" ? "code" : null);
        dd.dataset.field = name.toLowerCase().replace(" ", "-");
        const link = name === "Link" && value ? safeLink(value) : null;
        if (link) {
          const a = element("a", null, value);
          a.href = link;
          a.target = "_blank";
          a.rel = "noopener noreferrer";
          dd.append(a);
        } else {
          dd.textContent = value ?? "—";
        }
        return [element("dt", null, name), dd];
      }));
    } catch (error) {
      panel.querySelector(".sentence").textContent = `Could not load event ${id}: ${error.message}`;
      list.replaceChildren();
    }
  }

  // ---- wiring ---------------------------------------------------------------------------------------------------------
  function refresh() {
    writeHash();
    track(loadSummary());
    track(loadTimeline());
    track(loadDyads());
    track(loadMap());
    track(loadEvents());
  }

  function start() {
    readHash();
    const form = $("#filters");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const changes = {};
      for (const name of FILTERS) changes[name] = form.elements[name].value.trim();
      setFilters(changes);
    });
    $("#reset").addEventListener("click", () => setFilters(Object.fromEntries(FILTERS.map((f) => [f, ""]))));
    $("#bucket").addEventListener("change", (event) => { state.bucket = event.target.value; track(loadTimeline()); });
    $("#weight").addEventListener("change", (event) => { state.weight = event.target.value; track(loadDyads()); });
    $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); writeHash(); track(loadEvents()); });
    $("#next").addEventListener("click", () => { state.offset += PAGE; writeHash(); track(loadEvents()); });
    $("#close-evidence").addEventListener("click", () => { $("#evidence").hidden = true; });
    document.addEventListener("keydown", (event) => { if (event.key === "Escape") $("#evidence").hidden = true; });
    const legend = $("#timeline-legend");
    legend.replaceChildren(...[1, 2, 3, 4].map((q) => element("span", `q${q}`, QUADS[q])));
    let resizeTimer = 0;
    window.addEventListener("resize", () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(refresh, 250); });
    refresh();
  }

  start();
})();
