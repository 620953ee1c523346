// Charts of the supervision dashboard and big screen (Apache ECharts); data comes from the page, no extra request.
(function () {
  function init() {
    var el = document.getElementById('chart-data');
    if (!el || !window.echarts) { return; }
    var data = JSON.parse(el.textContent);
    var dark = document.body.classList.contains('zb-screen') ? 'dark' : null;
    var charts = [];
    function chart(id, option) {
      var node = document.getElementById(id);
      if (!node) { return; }
      var c = echarts.init(node, dark, {renderer: 'canvas'});
      option.backgroundColor = 'transparent';
      c.setOption(option);
      charts.push(c);
    }
    var red = ['#b71c1c', '#d84315', '#ef6c00', '#f9a825', '#7cb342', '#00897b', '#1e88e5'];
    function bar(id, points) {
      chart(id, {color: red, grid: {left: 40, right: 10, top: 10, bottom: 50}, tooltip: {},
        xAxis: {type: 'category', data: points.map(function (p) { return p.name; }), axisLabel: {rotate: 30}},
        yAxis: {type: 'value'}, series: [{type: 'bar', data: points.map(function (p) { return p.value; })}]});
    }
    function pie(id, points) {
      chart(id, {color: red, tooltip: {trigger: 'item'}, legend: {bottom: 0, type: 'scroll'},
        series: [{type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], data: points}]});
    }
    bar('chart-age', data.age);
    bar('chart-pipeline', data.pipeline);
    pie('chart-gender', data.gender);
    pie('chart-education', data.education);
    pie('chart-domain', data.domain.filter(function (p) { return p.value > 0; }));
    var kids = data.children.slice(0, 30);
    chart('chart-children', {color: ['#b71c1c', '#1e88e5'], tooltip: {trigger: 'axis'},
      legend: {top: 0, data: [data.labels.meetingRate, data.labels.duesRate]},
      grid: {left: 40, right: 10, top: 30, bottom: 70},
      xAxis: {type: 'category', data: kids.map(function (k) { return k.name; }), axisLabel: {rotate: 35, fontSize: 10}},
      yAxis: {type: 'value', max: 100, axisLabel: {formatter: '{value}%'}},
      series: [{name: data.labels.meetingRate, type: 'bar', data: kids.map(function (k) { return k.meetingRate; })},
        {name: data.labels.duesRate, type: 'bar', data: kids.map(function (k) { return k.duesRate; })}]});
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
