// The star distribution of a campaign as an ECharts bar chart; the data comes from the page, no extra request.
(function () {
  function init() {
    var el = document.getElementById('star-chart-data');
    var node = document.getElementById('chart-stars');
    if (!el || !node || !window.echarts) { return; }
    var data = JSON.parse(el.textContent);
    var colors = {5: '#b71c1c', 4: '#d84315', 3: '#f9a825', 2: '#7cb342', 1: '#00897b', 0: '#9e9e9e'};
    var c = echarts.init(node, null, {renderer: 'canvas'});
    c.setOption({grid: {left: 40, right: 10, top: 20, bottom: 30}, tooltip: {},
      xAxis: {type: 'category', data: data.map(function (p) { return p.name; })},
      yAxis: {type: 'value', minInterval: 1},
      series: [{type: 'bar', label: {show: true, position: 'top'},
        data: data.map(function (p) { return {value: p.value, itemStyle: {color: colors[p.stars] || '#b71c1c'}}; })}]});
    window.addEventListener('resize', function () { c.resize(); });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
