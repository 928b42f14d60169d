// Monitoring dashboards: each chart is drawn from the table beside it (the table is the data, for screen
// readers and black-and-white print); without ECharts the tables stand alone. Clicking a bar opens the
// link of its table row (drill-down to the unit).
(function () {
  if (!window.echarts) return;
  const charts = [];
  function number(cell) {
    const v = cell && cell.getAttribute('data-value');
    return v === null || v === '' ? null : Number(v);
  }
  function read(table) {
    const heads = Array.from(table.querySelectorAll('thead th')).slice(1).map(function (th) { return th.textContent.trim(); });
    const rows = Array.from(table.querySelectorAll('tbody tr, tr')).filter(function (tr) { return !tr.closest('thead') && !tr.closest('tfoot'); });
    return {
      names: heads,
      categories: rows.map(function (tr) { return tr.cells[0].textContent.trim(); }),
      links: rows.map(function (tr) { const a = tr.cells[0].querySelector('a'); return a ? a.href : null; }),
      series: heads.map(function (_, i) { return rows.map(function (tr) { return number(tr.cells[i + 1]); }); })
    };
  }
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    const table = document.getElementById(el.getAttribute('data-table'));
    if (!table) return;
    const data = read(table);
    const colors = (el.getAttribute('data-colors') || '#1f5fa8,#c62828').split(',');
    const stack = el.getAttribute('data-chart') === 'stack';
    if (stack) el.classList.add('chart-bars');
    const chart = window.echarts.init(el, null, { renderer: 'canvas', devicePixelRatio: 2 });
    const option = {
      animation: false,
      color: colors,
      aria: { enabled: true, decal: { show: true } },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      series: data.names.map(function (name, i) {
        return stack
          ? { name: name, type: 'bar', stack: 'all', data: data.series[i], barMaxWidth: 28 }
          : { name: name, type: 'line', data: data.series[i], connectNulls: false, symbolSize: 8 };
      })
    };
    if (stack) {
      option.xAxis = { type: 'value', minInterval: 1 };
      option.yAxis = { type: 'category', data: data.categories, inverse: true, axisLabel: { width: 110, overflow: 'truncate' } };
    } else {
      option.xAxis = { type: 'category', data: data.categories };
      option.yAxis = { type: 'value', axisLabel: { formatter: function (v) { return v >= 10000 ? (v / 10000) + '万' : v; } } };
    }
    chart.setOption(option);
    chart.on('click', function (p) {
      const link = data.links[p.dataIndex];
      if (link) window.location.href = link;
    });
    charts.push(chart);
  });
  function resize() { charts.forEach(function (c) { c.resize(); }); }
  window.addEventListener('resize', resize);
  window.addEventListener('beforeprint', resize);
  window.addEventListener('afterprint', resize);
})();
