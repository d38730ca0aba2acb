// hezuo: draws the dashboard's platform trend (training sessions and
// attendances by year) from the JSON data island #platform-chart-data.
(function () {
  "use strict";
  function draw() {
    var island = document.getElementById("platform-chart-data");
    var el = document.getElementById("chart-training");
    if (!island || !el || typeof echarts === "undefined") { return; }
    var d = JSON.parse(island.textContent);
    var c = echarts.init(el);
    c.setOption({
      animation: false,
      title: { text: d.title, left: "center", textStyle: { fontSize: 14 } },
      tooltip: { trigger: "axis" },
      legend: { bottom: 0 },
      grid: { left: 50, right: 50, top: 40, bottom: 40 },
      xAxis: { type: "category", data: d.years },
      yAxis: [{ type: "value", name: d.sessions }, { type: "value", name: d.attendances }],
      series: [
        { name: d.sessions, type: "bar", data: d.session_counts },
        { name: d.attendances, type: "line", yAxisIndex: 1, data: d.attendance_counts }
      ]
    });
    el.setAttribute("data-drawn", "1");
    window.addEventListener("resize", function () { c.resize(); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
