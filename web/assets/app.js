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
      series: [{ type: "pie", radius: ["35%", "65%"], data: d.forms, label: { formatter: "{b}: {c}" } }]
    }, sliceLink(K.forms));
    chart("chart-coverage", {
      title: { text: L.chart_coverage, left: "center", textStyle: { fontSize: 14 } },
      tooltip: { trigger: "item" }, legend: { bottom: 0 },
      series: [{ type: "pie", radius: "60%", data: d.coverage, label: { formatter: "{b}: {c}" } }]
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
    window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
