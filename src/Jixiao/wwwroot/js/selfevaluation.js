// 绩效自评: scores the page as it is typed. The form posts to ?handler=Score (nothing is stored) and the
// answer fills each row's points, score and warnings, the execution score, the total and the grade.
(function () {
  'use strict';
  const form = document.getElementById('self-evaluation');
  if (!form || !form.dataset.scoreUrl) return;
  const live = form.querySelector('[data-live]');
  let timer = null;
  let seq = 0;

  function fillList(list, items) {
    if (!list) return;
    list.replaceChildren(...(items || []).map(text => {
      const li = document.createElement('li');
      li.textContent = text;
      return li;
    }));
  }

  function number(value) { return value === null || value === undefined ? '' : String(value); }

  async function score() {
    const mine = ++seq;
    let res;
    try {
      res = await fetch(form.dataset.scoreUrl, { method: 'POST', body: new FormData(form), credentials: 'same-origin' });
    } catch (e) {
      if (live) live.textContent = '实时计分暂不可用';
      return;
    }
    if (mine !== seq) return;
    if (!res.ok) { if (live) live.textContent = '实时计分暂不可用（' + res.status + '）'; return; }
    const result = await res.json();
    for (const row of result.rows) {
      const tr = form.querySelector('tr[data-row="' + row.id + '"]');
      if (!tr) continue;
      tr.querySelector('[data-points]').textContent = number(row.points);
      tr.querySelector('[data-score]').textContent = number(row.score);
      tr.classList.toggle('cause-required', row.causeRequired);
      fillList(tr.querySelector('[data-warnings]'), row.warnings);
    }
    for (const m of result.money || []) {
      const tr = form.querySelector('tr[data-money="' + m.item + '"]');
      if (tr) tr.querySelector('[data-rate]').textContent = m.rate === null ? '' : m.rate + '%';
    }
    const execution = form.querySelector('[data-execution-score]');
    if (execution) execution.textContent = number(result.execution.score);
    form.querySelector('[data-total]').textContent = number(result.total);
    form.querySelector('[data-grade]').textContent = result.grade;
    fillList(form.querySelector('[data-project-warnings]'), result.warnings.concat(result.errors));
    if (live) live.textContent = result.errors.length ? '尚有 ' + result.errors.length + ' 处须处理后才能保存' : '得分已按当前填写计算';
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(score, 300);
  }

  form.addEventListener('input', later);
  form.addEventListener('change', later);
})();
