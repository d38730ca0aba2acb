// hezuo: draws the dashboard charts from the JSON data island #chart-data
// with the vendored ECharts; nothing here talks to any other host.
(function () {
  "use strict";
  function draw() {
    var island = document.getElementById("chart-data");
    if (!island || typeof echarts === "undefined") { return; }
    var d = JSON.parse(island.textContent);
    var L = d.labels;
    var charts = [];
    // On a phone a pie's names go to its legend and its counts inside it.
    var narrow = window.innerWidth < 600;
    function pieLabel() { return narrow ? { position: "inside", formatter: "{c}" } : { formatter: "{b}: {c}" }; }
    // chart draws one chart; link, when given, returns the list a clicked
    // bar or slice leads to (lead: the figures lead to their lists).
    function chart(id, option, link) {
      var el = document.getElementById(id);
      if (!el) { return; }
      var c = echarts.init(el, null, { renderer: "canvas" });
      option.animation = false;
      c.setOption(option);
      if (link) {
        c.on("click", function (p) {
          var u = link(p);
          if (u) { window.location.href = u; }
        });
        el.setAttribute("data-links", "1");
      }
      el.setAttribute("data-drawn", "1");
      charts.push(c);
    }
    var K = d.links || {};
    function areaLink(p) {
      var u = K.kinds && K.kinds[p.seriesIndex], area = K.areas && K.areas[p.dataIndex];
      return u && area ? u + "&scope=" + encodeURIComponent(area) : u;
    }
    function sliceLink(list) { return function (p) { return list && list[p.dataIndex]; }; }
    chart("chart-kinds", {
      title: { text: L.chart_kinds, left: "center", textStyle: { fontSize: 14 } },
      tooltip: { trigger: "axis" }, legend: { bottom: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 70 },
      xAxis: { type: "category", data: d.townships, axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: "value" },
      series: d.kinds.map(function (s) { return { name: s.name, type: "bar", stack: "k", data: s.data }; })
    }, areaLink);
    chart("chart-forms", {
      title: { text: L.chart_forms, left: "center", textStyle: { fontSize: 14 } },
      tooltip: { trigger: "item" }, legend: { bottom: 0 },
      series: [{ type: "pie", radius: ["35%", "65%"], data: d.forms, label: pieLabel() }]
    }, sliceLink(K.forms));
    chart("chart-coverage", {
      title: { text: L.chart_coverage, left: "center", textStyle: { fontSize: 14 } },
      tooltip: { trigger: "item" }, legend: { bottom: 0 },
      series: [{ type: "pie", radius: "60%", data: d.coverage, label: pieLabel() }]
    }, sliceLink(K.coverage));
    chart("chart-trend", {
      title: { text: L.chart_trend, left: "center", textStyle: { fontSize: 14 } },
      tooltip: { trigger: "axis" }, legend: { bottom: 0 },
      grid: { left: 60, right: 60, top: 40, bottom: 50 },
      xAxis: { type: "category", data: d.trend.days },
      yAxis: [{ type: "value", name: L.members }, { type: "value", name: L.party_members }],
      series: [
        { name: L.members, type: "line", data: d.trend.members },
        { name: L.party_members, type: "line", yAxisIndex: 1, data: d.trend.party_members }
      ]
    });
    // A chart fits its box: redrawn when the window turns or the box changes width.
    function fit() { charts.forEach(function (c) { c.resize(); }); }
    window.addEventListener("resize", fit);
    if (typeof ResizeObserver !== "undefined") {
      var ro = new ResizeObserver(fit);
      charts.forEach(function (c) { ro.observe(c.getDom()); });
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();

// hezuo: a roster's 全选 box (input[data-all=ID]) ticks or clears every
// name in #ID; ticking or clearing a name keeps the box in step. Without
// scripts the box is sent as all_attendees and the server takes everyone.
(function () {
  "use strict";
  function wire() {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-all]"), function (all) {
      var box = document.getElementById(all.getAttribute("data-all"));
      if (!box) { return; }
      var names = box.querySelectorAll("input[type=checkbox]");
      function sync() {
        var n = 0;
        Array.prototype.forEach.call(names, function (c) { if (c.checked) { n++; } });
        all.checked = n === names.length && n > 0;
        all.indeterminate = n > 0 && n < names.length;
      }
      all.addEventListener("change", function () {
        Array.prototype.forEach.call(names, function (c) { c.checked = all.checked; });
        all.indeterminate = false;
      });
      Array.prototype.forEach.call(names, function (c) { c.addEventListener("change", sync); });
      sync();
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", wire);
  } else {
    wire();
  }
})();

// hezuo: a list shown as cards on a phone (table.list-cards[data-labels=auto])
// names each value by its column's heading; the card's title needs none.
(function () {
  "use strict";
  function label() {
    Array.prototype.forEach.call(document.querySelectorAll("table.list-cards[data-labels=auto]"), function (t) {
      var heads = Array.prototype.map.call(t.querySelectorAll("thead th"), function (th) { return th.textContent.trim(); });
      var title = parseInt(t.getAttribute("data-title") || "0", 10);
      Array.prototype.forEach.call(t.querySelectorAll("tbody tr"), function (tr) {
        Array.prototype.forEach.call(tr.children, function (td, i) {
          if (i + 1 !== title && heads[i] && !td.hasAttribute("data-label") && !td.hasAttribute("colspan")) {
            td.setAttribute("data-label", heads[i]);
          }
        });
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", label);
  } else {
    label();
  }
  document.addEventListener("htmx:afterSwap", label);
})();
