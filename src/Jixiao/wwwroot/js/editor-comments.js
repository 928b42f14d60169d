// The review comments in the editor (/Projects/Edit/{id}), from the form's data-comments: each open one
// under the row it names (found by the row's id, so it follows the row wherever the row is moved), beside
// the field it names, or at the top (form comments, and rows deleted here or gone before). Resolved ones
// fold into one list at the top. The unit answers and marks resolved here, posted to the project page's
// handlers. User text only ever goes through textContent.
(function () {
  'use strict';
  const root = document.querySelector('form[data-editor][data-comments]');
  if (!root) return;
  let data;
  try { data = JSON.parse(root.dataset.comments); } catch (e) { return; }
  const comments = data.comments || [];
  const panel = root.querySelector('[data-comments-panel]');
  if (!panel || comments.length === 0) return;
  const token = (root.querySelector('input[name=__RequestVerificationToken]') || {}).value || '';
  const at = name => root.querySelector('[data-comments-at="' + name + '"]');
  const tableNames = { indicators: '绩效指标', budgetLines: '项目预算明细', spendingPlan: '资金支出计划', safeguards: '制度保障', people: '人员' };
  const cards = new Map();
  const wrappers = new Map();

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function answerLine(c) {
    const line = el('div', 'answer');
    line.appendChild(el('span', 'muted', '答复（' + (c.answeredBy || '本单位') + '）：'));
    line.appendChild(el('span', 'text', c.answer));
    return line;
  }

  // The answer box: a button, not a form of its own (it stands inside the editor's form); Enter sends it
  // instead of saving the whole form.
  function answerBox(c, card) {
    const box = el('div', 'answer-form');
    const input = el('input');
    input.maxLength = 2000;
    input.placeholder = c.answer ? '修改答复' : '答复此意见';
    input.setAttribute('aria-label', '答复此意见');
    input.dataset.commentAnswer = '';
    const button = el('button', null, c.answer ? '修改答复' : '答复');
    button.type = 'button';
    const said = el('span', 'muted answer-status');
    said.setAttribute('aria-live', 'polite');
    box.append(input, button, said);

    async function send() {
      const text = input.value.trim();
      if (!text) { said.textContent = '答复内容不能为空'; input.focus(); return; }
      button.disabled = true;
      said.textContent = '正在保存答复…';
      try {
        const body = await post(data.answerUrl, { commentId: String(c.id), answer: text }, said, '答复未保存：');
        if (!body) return;
        const first = !c.answer;
        c.answer = body.answer;
        c.answeredBy = body.answeredBy;
        const jump = root.querySelector('[data-comments-links] a[href="#editor-comment-' + c.id + '"]');
        if (first && jump) jump.parentNode.append('（已答复）');
        const old = card.querySelector('.answer');
        if (old) old.replaceWith(answerLine(c)); else card.querySelector('.text').after(answerLine(c));
        input.value = '';
        input.placeholder = '修改答复';
        button.textContent = '修改答复';
        said.textContent = '答复已保存';
      } finally {
        button.disabled = false;
      }
    }
    button.addEventListener('click', send);
    input.addEventListener('keydown', e => {
      if (e.key === 'Enter' && !e.isComposing && e.keyCode !== 229) { e.preventDefault(); send(); }
    });
    return box;
  }

  // Posts one of the project page's handlers as JSON; a refusal is said in `said` after `failed`.
  async function post(url, fields, said, failed) {
    let res;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'Accept': 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...fields, __RequestVerificationToken: token }),
        credentials: 'same-origin',
      });
    } catch (e) {
      said.textContent = failed + '网络不通，请稍后再试';
      return null;
    }
    let body = {};
    try { body = await res.json(); } catch (e) { body = {}; }
    if (!res.ok) { said.textContent = failed + (body.error || '服务器返回 ' + res.status); return null; }
    return body;
  }

  // Resolved here, the comment folds into the resolved list like one resolved on the project page.
  function resolveButton(c) {
    const box = el('div', 'resolve-form');
    const button = el('button', null, '标记已解决');
    button.type = 'button';
    const said = el('span', 'muted resolve-status');
    said.setAttribute('aria-live', 'polite');
    box.append(button, said);
    button.addEventListener('click', async () => {
      button.disabled = true;
      said.textContent = '正在保存…';
      const body = await post(data.resolveUrl, { commentId: String(c.id) }, said, '未能标记已解决：');
      button.disabled = false;
      if (!body) return;
      c.resolved = true;
      c.resolvedBy = body.resolvedBy;
      cards.get(c.id).remove();
      cards.delete(c.id);
      place();
    });
    return box;
  }

  function makeCard(c) {
    const card = el('div', 'comment ' + (c.resolved ? 'resolved' : 'open'));
    card.dataset.commentId = c.id;
    card.id = 'editor-comment-' + c.id;
    const meta = el('div', 'comment-meta');
    meta.appendChild(el('b', null, c.resolved ? '已解决' : '审核意见'));
    meta.appendChild(el('span', 'place'));
    meta.appendChild(document.createTextNode(' '));
    const who = [c.author, c.time, '针对第 ' + c.version + ' 版'].filter(Boolean).join(' · ');
    meta.appendChild(el('span', 'muted', who + (c.resolvedBy ? ' · 由 ' + c.resolvedBy + ' 标记已解决' : '')));
    card.appendChild(meta);
    card.appendChild(el('div', 'text', c.text));
    if (c.answer) card.appendChild(answerLine(c));
    if (!c.resolved && data.mayAnswer) card.appendChild(answerBox(c, card));
    if (!c.resolved && c.mayResolve) card.appendChild(resolveButton(c));
    const link = el('a', 'to-page', c.resolved ? '到项目页查看' : '到项目页答复');
    link.href = c.link;
    card.appendChild(link);
    return card;
  }

  function rowOf(id) {
    return id ? root.querySelector('table[data-rows] tr.row[data-row-id="' + CSS.escape(id) + '"]') : null;
  }
  // A row named as the panel names it: its table and its first filled cell.
  function rowLabel(tr) {
    const table = tr.closest('table').dataset.rows;
    const first = [...tr.querySelectorAll('input[data-key], textarea[data-key]')].map(i => i.value.trim()).find(Boolean);
    return (tableNames[table] || '表中的一行') + (first ? '“' + first + '”' : '');
  }
  // A comment row spans the table's head, so no column shifts; its note stays in view while the table scrolls.
  function wrapperOf(c, tr) {
    let w = wrappers.get(c.id);
    if (!w) {
      w = el('tr', 'comment-row editor-comment-row no-print');
      w.dataset.rowId = c.rowId;
      const td = el('td');
      td.appendChild(el('div', 'note comments-here'));
      w.appendChild(td);
      wrappers.set(c.id, w);
    }
    w.firstChild.colSpan = tr.closest('table').tHead.rows[0].cells.length;
    w.firstChild.firstChild.appendChild(cards.get(c.id));
    return w;
  }

  function place() {
    wrappers.forEach(w => w.remove());
    const containers = root.querySelectorAll('[data-comments-at]');
    const links = root.querySelector('[data-comments-links]');
    links.textContent = '';
    let open = 0, resolved = 0;
    // The top lists the open ones that stand in the form, each a jump to its place.
    function link(c, where) {
      const li = el('li');
      const a = el('a', null, where);
      a.href = '#editor-comment-' + c.id;
      li.append(a, '：', el('span', 'text', c.text.length <= 40 ? c.text : c.text.slice(0, 40) + '…'));
      if (c.answer) li.append('（已答复）');
      links.appendChild(li);
    }
    comments.forEach(c => {
      if (!cards.has(c.id)) cards.set(c.id, makeCard(c));
      const card = cards.get(c.id);
      const tr = rowOf(c.rowId);
      let label = '';
      if (c.resolved) {
        resolved++;
        label = c.rowId ? (tr ? rowLabel(tr) : '已删除的行') : c.label;
        at('resolved').appendChild(card);
      } else if (tr) {
        open++;
        // Under its row, after the row's findings and any comment placed there before it.
        let after = tr;
        while (after.nextElementSibling && ['finding-row', 'editor-comment-row'].some(k => after.nextElementSibling.classList.contains(k))) after = after.nextElementSibling;
        after.after(wrapperOf(c, tr));
        link(c, rowLabel(tr));
      } else if (c.rowId) {
        open++;
        label = '已删除的行';
        at('top').appendChild(card);
      } else {
        open++;
        label = c.label;
        const beside = c.place && at(c.place);
        (beside || at('top')).appendChild(card);
        if (beside) link(c, c.label);
      }
      card.querySelector('.place').textContent = label ? '（' + label + '）' : '';
    });
    containers.forEach(x => { if (x.dataset.commentsAt !== 'top' && x.dataset.commentsAt !== 'resolved') x.hidden = x.children.length === 0; });
    root.querySelector('[data-comments-title]').textContent = '审核意见（' + open + ' 条未解决）';
    const folded = root.querySelector('[data-comments-resolved]');
    folded.hidden = resolved === 0;
    root.querySelector('[data-comments-resolved-title]').textContent = '已解决的意见（' + resolved + ' 条）';
    panel.hidden = false;
  }

  root.addEventListener('editor:rows', place);
  // A row's first cell names it in the list at the top: a renamed row is named anew.
  root.addEventListener('change', e => { if (e.target.closest('table[data-rows] tr.row')) place(); });
  place();
})();
