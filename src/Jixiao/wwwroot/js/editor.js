// The project editor (/Projects/Edit): the whole form lives in the page, is worked like a spreadsheet,
// kept as a draft in localStorage while typed, reviewed live by the server, and posted as one JSON form.
// User text only ever goes through .value and .textContent, never markup.
(function () {
  'use strict';
  const root = document.querySelector('form[data-editor]');
  if (!root) return;

  const framework = JSON.parse(root.dataset.framework || '[]');
  const previous = JSON.parse(root.dataset.previous || '{}');
  const hasPrevious = !!root.querySelector('th.previous');
  const draftKey = 'jixiao-draft:' + root.dataset.draftKey;
  const loadedVersion = root.dataset.version;
  const token = (root.querySelector('input[name=__RequestVerificationToken]') || {}).value || '';
  let base = {};
  try { base = JSON.parse(root.dataset.form || '{}'); } catch (e) { base = {}; }

  // ---- numbers: typed in 元 or 万元, stored in 元; decimal strings shifted, never floats multiplied ----
  function cleanNumber(text) { return String(text).replace(/[,，\s]/g, ''); }
  function isNumber(text) { return /^-?\d+(\.\d+)?$/.test(text); }
  function shift(text, places) {
    // Moves the decimal point of a plain decimal string: shift('1.5', 4) = '15000', shift('850000', -4) = '85'.
    let neg = text.startsWith('-');
    if (neg) text = text.slice(1);
    let [whole, frac = ''] = text.split('.');
    if (places > 0) {
      frac = frac.padEnd(places, '0');
      whole = whole + frac.slice(0, places);
      frac = frac.slice(places);
    } else if (places < 0) {
      whole = whole.padStart(-places + 1, '0');
      frac = whole.slice(whole.length + places) + frac;
      whole = whole.slice(0, whole.length + places);
    }
    whole = whole.replace(/^0+(?=\d)/, '');
    frac = frac.replace(/0+$/, '');
    const out = frac ? whole + '.' + frac : whole;
    return (neg && out !== '0' ? '-' : '') + out;
  }
  function moneyUnit() { return root.querySelector('[data-money-unit]').value === '万元' ? '万元' : '元'; }
  function moneyShown(yuan) {
    if (yuan === null || yuan === undefined || yuan === '') return '';
    const s = String(yuan);
    return isNumber(s) ? (moneyUnit() === '万元' ? shift(s, -4) : s) : s;
  }
  // A typed amount as JSON: a number in 元, or the text itself so that the server names the bad field.
  function moneyValue(text) {
    const t = cleanNumber(text);
    if (t === '') return null;
    if (!isNumber(t)) return text;
    return Number(moneyUnit() === '万元' ? shift(t, 4) : t);
  }
  function numberValue(text) {
    const t = cleanNumber(String(text).replace(/[%％]$/, ''));
    if (t === '') return null;
    return isNumber(t) ? Number(t) : text;
  }

  // ---- level names: the framework is the one list; "数量", "数量指标" and "11-数量指标" are the same ----
  function levelKey(name) {
    let n = String(name || '').replace(/\s+/g, '').replace(/^\d{1,2}[-、.:]?/, '');
    for (const suffix of ['指标', '目标', '指']) {
      if (n.endsWith(suffix) && n.length > suffix.length) return n.slice(0, -suffix.length);
    }
    return n;
  }
  function findLevel1(name) {
    const k = levelKey(name);
    return k ? framework.find(l1 => levelKey(l1.name) === k) : undefined;
  }
  function findLevel2(name, level1) {
    const k = levelKey(name);
    if (!k) return undefined;
    for (const l1 of level1 ? [level1] : framework) {
      const l2 = l1.level2.find(x => levelKey(x) === k);
      if (l2) return { level1: l1, level2: l2 };
    }
    return level1 ? findLevel2(name) : undefined;
  }

  // ---- the tables: each column a key of the row object and a kind of cell ----
  const tables = {
    budgetLines: [{ key: 'name' }, { key: 'amount', kind: 'money' }, { key: 'period', hint: '如 1月—12月' }],
    spendingPlan: [{ key: 'by', hint: '如 6月底' }, { key: 'cumulativePercent', kind: 'number' }],
    indicators: [
      { key: 'level1', kind: 'level1' }, { key: 'level2', kind: 'level2' }, { key: 'name', wide: true },
      { key: 'annualTarget', kind: 'target', hint: '如 ≥95%' }, { kind: 'parse' },
      ...(hasPrevious ? [{ kind: 'previous' }] : []),
      { key: 'basis', list: 'basis-options' }, { key: 'description', wide: true },
      { key: 'periodTarget', kind: 'target' }, { key: 'remarks' },
    ],
    safeguards: [{ key: 'category' }, { key: 'document' }, { key: 'measures', wide: true }, { key: 'stages', kind: 'list' }],
    sections: [{ key: 'title' }, { key: 'text', kind: 'textarea' }],
    people: [{ key: 'role' }, { key: 'name' }, { key: 'phone', kind: 'tel' }],
  };
  const bodies = {};
  root.querySelectorAll('table[data-rows]').forEach(t => { bodies[t.dataset.rows] = t.tBodies[0]; });
  // Each row element keeps the object it was made from, so that what the editor does not show
  // (ids, weights, actuals …) goes back to the server untouched.
  const original = new WeakMap();

  function option(select, value, text) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = text === undefined ? value : text;
    select.appendChild(o);
    return o;
  }
  function fillLevel2(select, level1Name, keep) {
    const l1 = findLevel1(level1Name);
    select.textContent = '';
    option(select, '', '');
    const names = l1 ? l1.level2 : framework.flatMap(x => x.level2).filter((v, i, a) => a.indexOf(v) === i);
    names.forEach(n => option(select, n));
    setSelect(select, keep);
  }
  // A value the framework does not know (an imported form's own word) is kept and shown as such.
  function setSelect(select, value) {
    value = value || '';
    if (value && ![...select.options].some(o => o.value === value)) option(select, value, value + '（体系外）');
    select.value = value;
  }

  function makeCell(col, value) {
    const td = document.createElement('td');
    let input;
    switch (col.kind) {
      case 'parse':
        td.className = 'parse';
        td.dataset.parse = '';
        return td;
      case 'previous':
        td.className = 'previous';
        td.dataset.previous = '';
        return td;
      case 'level1':
        input = document.createElement('select');
        option(input, '', '');
        framework.forEach(l1 => option(input, l1.name));
        setSelect(input, value);
        break;
      case 'level2':
        input = document.createElement('select');
        break;
      case 'textarea':
        input = document.createElement('textarea');
        input.rows = 2;
        input.value = value || '';
        break;
      default:
        input = document.createElement('input');
        if (col.kind === 'tel') input.type = 'tel';
        if (col.kind === 'money' || col.kind === 'number') { input.inputMode = 'decimal'; td.className = 'num'; }
        if (col.list) input.setAttribute('list', col.list);
        if (col.hint) input.placeholder = col.hint;
        input.value = col.kind === 'money' ? moneyShown(value)
          : col.kind === 'target' ? (value && value.raw) || ''
          : col.kind === 'list' ? (value || []).join('、')
          : value === null || value === undefined ? '' : String(value);
    }
    if (col.wide) td.classList.add('wide');
    input.dataset.key = col.key;
    input.dataset.kind = col.kind || 'text';
    td.appendChild(input);
    return td;
  }

  function rowButtons(tr) {
    const td = document.createElement('td');
    td.className = 'ops no-print';
    [['up', '↑', '上移'], ['down', '↓', '下移'], ['delete', '✕', '删除本行']].forEach(([act, text, title]) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.rowAction = act;
      b.textContent = text;
      b.title = title;
      b.setAttribute('aria-label', title);
      b.tabIndex = -1;
      td.appendChild(b);
    });
    tr.appendChild(td);
  }

  function makeRow(table, data) {
    data = data || {};
    const tr = document.createElement('tr');
    tr.className = 'row';
    original.set(tr, data);
    // The row's id, by which its review comments find it wherever it moves (editor-comments.js).
    if (data.id) tr.dataset.rowId = data.id;
    tables[table].forEach(col => tr.appendChild(makeCell(col, col.key ? data[col.key] : null)));
    if (table === 'indicators') {
      const l2 = tr.querySelector('select[data-key=level2]');
      fillLevel2(l2, data.level1, data.level2);
      showPrevious(tr);
    }
    rowButtons(tr);
    return tr;
  }

  function addRow(table, data, after) {
    const tr = makeRow(table, data);
    const body = bodies[table];
    if (after && after.parentNode === body) {
      let next = after.nextElementSibling;
      while (next && !next.classList.contains('row')) next = next.nextElementSibling;
      body.insertBefore(tr, next);
    } else body.appendChild(tr);
    return tr;
  }

  function rowsOf(table) { return [...bodies[table].querySelectorAll('tr.row')]; }
  // Rows were moved, deleted or brought back: what hangs under a row by its id follows (editor-comments.js).
  function rowsChanged() { root.dispatchEvent(new CustomEvent('editor:rows')); }

  function readRow(table, tr) {
    const out = Object.assign({}, original.get(tr));
    tr.querySelectorAll('[data-key]').forEach(input => {
      const v = input.value;
      const key = input.dataset.key;
      switch (input.dataset.kind) {
        case 'money': out[key] = moneyValue(v); break;
        case 'number': out[key] = numberValue(v); break;
        case 'target': out[key] = v.trim() ? { raw: v.trim() } : null; break;
        case 'list': out[key] = v.split(/[、,，;；]/).map(s => s.trim()).filter(Boolean); break;
        default: out[key] = v.trim() === '' && key !== 'name' && key !== 'role' && key !== 'by' ? null : v.trim();
      }
    });
    return out;
  }

  // ---- the whole form to and from the page ----
  function setPath(obj, path, value) {
    const parts = path.split('.');
    let o = obj;
    for (let i = 0; i < parts.length - 1; i++) { o[parts[i]] = Object.assign({}, o[parts[i]] || {}); o = o[parts[i]]; }
    o[parts[parts.length - 1]] = value;
  }
  function getPath(obj, path) { return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj); }

  function collect() {
    const form = Object.assign({}, base);
    root.querySelectorAll('[data-field]').forEach(input => {
      const v = input.value;
      let value;
      if (input.hasAttribute('data-money')) value = moneyValue(v);
      else value = v.trim() === '' ? (input.dataset.field === 'name' ? '' : null) : v.trim();
      setPath(form, input.dataset.field, value);
    });
    for (const table of Object.keys(tables)) {
      const rows = rowsOf(table).map(tr => readRow(table, tr));
      if (table === 'sections') {
        form.sections = {};
        // A text without a title is kept under a made-up one rather than dropped.
        rows.forEach((r, i) => { if (r.title || r.text) form.sections[r.title || '其他内容' + (i + 1)] = r.text || ''; });
      } else form[table] = rows;
    }
    return form;
  }

  function render(form) {
    base = form || {};
    // The unit first: amounts are shown in it.
    const unitSelect = root.querySelector('[data-money-unit]');
    unitSelect.value = getPath(base, 'funding.sourceUnit') === '万元' ? '万元' : '元';
    root.querySelectorAll('[data-field]').forEach(input => {
      if (input === unitSelect) return;
      const v = getPath(base, input.dataset.field);
      if (input.hasAttribute('data-money')) input.value = moneyShown(v);
      else if (input.tagName === 'SELECT') setSelect(input, v);
      else input.value = v === null || v === undefined ? '' : String(v);
    });
    for (const table of Object.keys(tables)) {
      bodies[table].textContent = '';
      let rows = table === 'sections'
        ? Object.entries(base.sections || {}).map(([title, text]) => ({ title, text }))
        : (base[table] || []);
      rows.forEach(r => addRow(table, r));
    }
    if (rowsOf('indicators').length === 0) for (let i = 0; i < 3; i++) addRow('indicators', {});
    if (rowsOf('spendingPlan').length === 0) ['3月底', '6月底', '9月底', '12月底'].forEach(by => addRow('spendingPlan', { by }));
    deleted.length = 0;
    updateUndo();
    showUnit();
    updateTotals();
    rowsChanged();
  }

  // ---- money unit switch: the amounts stay, only their writing changes ----
  let shownUnit = '元';
  function showUnit() {
    shownUnit = moneyUnit();
    root.querySelectorAll('[data-unit-label]').forEach(s => { s.textContent = shownUnit; });
  }
  root.querySelector('[data-money-unit]').addEventListener('change', () => {
    const was = shownUnit;
    const now = moneyUnit();
    if (was === now) return;
    root.querySelectorAll('input[data-money], input[data-kind=money]').forEach(input => {
      const t = cleanNumber(input.value);
      if (isNumber(t)) input.value = shift(t, was === '万元' ? 4 : -4);
    });
    showUnit();
    updateTotals();
  });

  function updateTotals() {
    let total = 0n;
    let scale = 0;
    let any = false;
    // Summed as integers of the smallest decimal place typed, so 0.1 + 0.2 is 0.3.
    const amounts = rowsOf('budgetLines').map(tr => cleanNumber(tr.querySelector('[data-key=amount]').value)).filter(isNumber);
    amounts.forEach(a => { scale = Math.max(scale, (a.split('.')[1] || '').length); });
    amounts.forEach(a => { any = true; total += BigInt(shift(a, scale).split('.')[0]); });
    const cell = root.querySelector('[data-budget-total]');
    cell.textContent = any ? shift(total.toString(), -scale) + ' ' + moneyUnit() : '';
    cell.classList.remove('mismatch');
    const planned = cleanNumber(root.querySelector('[data-field="funding.total"]').value);
    if (any && isNumber(planned) && shift(total.toString(), -scale) !== shift(planned, 0)) {
      cell.classList.add('mismatch');
      cell.title = '明细合计与项目资金总额不一致';
    }
  }

  function validateInput(input) {
    const kind = input.dataset.kind || (input.hasAttribute('data-money') ? 'money' : '');
    if (kind !== 'money' && kind !== 'number') return;
    const t = cleanNumber(kind === 'number' ? input.value.replace(/[%％]$/, '') : input.value);
    const bad = t !== '' && !isNumber(t);
    input.classList.toggle('invalid', bad);
    input.title = bad ? '请填写数字' : '';
  }

  // ---- undoable deletes, until saved ----
  const deleted = [];
  const undoButton = root.querySelector('[data-undo]');
  function updateUndo() {
    undoButton.hidden = deleted.length === 0;
    undoButton.textContent = '↶ 恢复删除的行（' + deleted.length + '）';
  }
  function deleteRow(tr) {
    const table = tr.closest('table').dataset.rows;
    const rows = rowsOf(table);
    const index = rows.indexOf(tr);
    const focusTo = rows[index + 1] || rows[index - 1];
    removeFindingsOf(tr);
    tr.remove();
    deleted.push({ table, tr, index });
    updateUndo();
    rowsChanged();
    if (focusTo) focusCell(focusTo, 0);
    changed();
  }
  function undoDelete() {
    const d = deleted.pop();
    if (!d) return;
    const rows = rowsOf(d.table);
    bodies[d.table].insertBefore(d.tr, rows[d.index] || null);
    updateUndo();
    rowsChanged();
    focusCell(d.tr, 0);
    changed();
  }
  function moveRow(tr, by) {
    const table = tr.closest('table').dataset.rows;
    const rows = rowsOf(table);
    const i = rows.indexOf(tr);
    const j = i + by;
    if (j < 0 || j >= rows.length) return;
    removeFindingsOf(tr);
    // Down: past the next row and whatever stands under it (its findings and comments).
    bodies[table].insertBefore(tr, by < 0 ? rows[j] : rows[j + 1] || null);
    rowsChanged();
    changed();
  }

  // ---- spreadsheet keys ----
  function cellsOf(tr) { return [...tr.querySelectorAll('[data-key]')]; }
  function focusCell(tr, index) {
    const cells = cellsOf(tr);
    const c = cells[Math.max(0, Math.min(index, cells.length - 1))];
    if (c) { c.focus(); if (c.select && c.tagName !== 'SELECT') c.select(); }
  }
  function siblingRow(tr, by) {
    const rows = rowsOf(tr.closest('table').dataset.rows);
    return rows[rows.indexOf(tr) + by];
  }

  root.addEventListener('keydown', e => {
    const input = e.target.closest('[data-key]');
    if (!input || e.isComposing || e.keyCode === 229) return;
    const tr = input.closest('tr.row');
    const table = tr.closest('table').dataset.rows;
    const col = cellsOf(tr).indexOf(input);
    const textarea = input.tagName === 'TEXTAREA';
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      focusCell(addRow(table, {}, tr), col);
      changed();
    } else if ((e.ctrlKey || e.metaKey) && e.key === 'Delete') {
      e.preventDefault();
      deleteRow(tr);
    } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      moveRow(tr, e.key === 'ArrowUp' ? -1 : 1);
      input.focus();
    } else if ((e.key === 'Enter' && !e.shiftKey && !textarea) || (e.key === 'ArrowDown' && !textarea) || (e.key === 'ArrowUp' && !textarea)) {
      e.preventDefault();
      let next = siblingRow(tr, e.key === 'ArrowUp' ? -1 : 1);
      if (!next && e.key === 'Enter') { next = addRow(table, {}, tr); changed(); }
      if (next) focusCell(next, col);
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const isSelect = input.tagName === 'SELECT';
      const atStart = isSelect || (input.selectionStart === 0 && input.selectionEnd === 0);
      const atEnd = isSelect || (input.selectionStart === input.value.length && input.selectionEnd === input.value.length);
      if (e.key === 'ArrowLeft' && atStart && col > 0) { e.preventDefault(); focusCell(tr, col - 1); }
      if (e.key === 'ArrowRight' && atEnd && col < cellsOf(tr).length - 1) { e.preventDefault(); focusCell(tr, col + 1); }
    }
  });

  root.addEventListener('click', e => {
    const add = e.target.closest('[data-add-row]');
    if (add) {
      const table = add.dataset.addRow;
      const tr = addRow(table, {});
      focusCell(tr, table === 'indicators' ? 0 : 0);
      changed();
      return;
    }
    const act = e.target.closest('[data-row-action]');
    if (act) {
      const tr = act.closest('tr.row');
      if (act.dataset.rowAction === 'delete') deleteRow(tr);
      else moveRow(tr, act.dataset.rowAction === 'up' ? -1 : 1);
      return;
    }
    if (e.target.closest('[data-undo]')) undoDelete();
  });

  // ---- a block pasted from Excel or WPS: tab-separated lines, quoted cells where they hold breaks ----
  function parseBlock(text) {
    const rows = [];
    let row = [], cell = '', quoted = false;
    text = text.replace(/\r\n?/g, '\n');
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
        else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"' && cell === '') quoted = true;
      else if (ch === '\t') { row.push(cell); cell = ''; }
      else if (ch === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
      else cell += ch;
    }
    if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
    return rows.map(r => r.map(c => c.trim())).filter(r => r.some(c => c !== ''));
  }

  root.addEventListener('paste', e => {
    const input = e.target.closest('[data-key]');
    if (!input) return;
    const text = (e.clipboardData || window.clipboardData).getData('text');
    if (!/[\t\n]/.test(text.replace(/\n+$/, ''))) return;
    // A heading line copied along with the rows (一级指标 / 三级指标 / 指标值 …) is not a row.
    const block = parseBlock(text).filter(r => !r.some(c => /^(一级指标|二级指标|三级指标|指标名称|指标值|年度指标值|明细项目名称)$/.test(c)));
    if (block.length === 0) return;
    e.preventDefault();
    const tr = input.closest('tr.row');
    const table = tr.closest('table').dataset.rows;
    const columns = tables[table].filter(c => c.key);
    const keys = columns.map(c => c.key);
    let start = keys.indexOf(input.dataset.key);
    // Level columns are recognised by their words, wherever the paste began.
    let withLevels = false;
    if (table === 'indicators') {
      const looks = block.filter(r => (r[0] === '' || findLevel1(r[0]) || findLevel2(r[0])) && (r.length > 1 && (r[1] === '' || findLevel2(r[1]))));
      withLevels = looks.length > 0 && looks.length >= block.length / 2 && block.some(r => findLevel1(r[0]) || findLevel2(r[1] || ''));
      if (withLevels) start = 0;
      else if (start < 2) start = 2;
    }
    // The focused row takes the first line when it is empty; the rest land as new rows below it.
    const empty = cellsOf(tr).every(c => c.value === '' || c.tagName === 'SELECT' && c.value === '');
    let at = empty ? tr : null;
    let after = tr;
    let level1 = '', level2 = '';
    const landed = [];
    block.forEach(cells => {
      const data = {};
      cells.forEach((value, i) => {
        const key = keys[start + i];
        if (!key) return;
        // Cells come as typed, in the units the page shows: stored the way a row keeps them.
        const kind = columns[start + i].kind;
        data[key] = kind === 'target' ? (value ? { raw: value } : null)
          : kind === 'money' ? moneyValue(value)
          : kind === 'list' ? value.split(/[、,，;；]/).map(x => x.trim()).filter(Boolean)
          : value;
      });
      if (table === 'indicators') {
        if (withLevels) {
          // Merged level cells come over as blanks: they repeat the row above.
          const l1 = findLevel1(data.level1) || (data.level1 ? null : findLevel1(level1));
          const l2 = findLevel2(data.level2 || level2, l1 || undefined);
          data.level1 = l1 ? l1.name : (l2 ? l2.level1.name : data.level1 || level1);
          data.level2 = l2 ? l2.level2 : (data.level2 || level2);
          level1 = data.level1; level2 = data.level2;
        } else {
          const o = readRow(table, at || tr);
          data.level1 = o.level1 || level1 || '';
          data.level2 = o.level2 || level2 || '';
        }
      }
      let row;
      if (at) {
        const old = readRow(table, at);
        row = makeRow(table, Object.assign({}, original.get(at), old, data));
        at.replaceWith(row);
        at = null;
      } else row = addRow(table, data, after);
      after = row;
      landed.push(row);
    });
    landed.forEach(r => r.classList.add('pasted'));
    setTimeout(() => landed.forEach(r => r.classList.remove('pasted')), 1500);
    focusCell(landed[landed.length - 1], start);
    rowsChanged();
    changed();
  });

  // ---- level 1 decides the choices of level 2; a level 2 picked alone fills its level 1 ----
  root.addEventListener('change', e => {
    const input = e.target.closest('[data-key]');
    if (!input) return;
    const tr = input.closest('tr.row');
    if (input.dataset.key === 'level1') {
      const l2 = tr.querySelector('[data-key=level2]');
      const found = findLevel2(l2.value, findLevel1(input.value));
      fillLevel2(l2, input.value, found && findLevel1(input.value) && found.level1.name === findLevel1(input.value).name ? l2.value : '');
    } else if (input.dataset.key === 'level2') {
      const l1 = tr.querySelector('[data-key=level1]');
      const found = findLevel2(input.value);
      if (!l1.value && found) {
        setSelect(l1, found.level1.name);
        fillLevel2(input, l1.value, input.value);
      }
    }
    changed();
  });

  root.addEventListener('input', e => {
    const input = e.target;
    if (input.matches('[data-key], [data-field], [data-year]')) {
      validateInput(input);
      if (input.dataset.key === 'name') showPrevious(input.closest('tr.row'));
      if (input.dataset.kind === 'target') {
        const cell = input.closest('tr.row').querySelector('[data-parse]');
        if (cell && input.dataset.key === 'annualTarget') cell.classList.add('pending');
      }
      changed();
    }
  });

  function showPrevious(tr) {
    const cell = tr && tr.querySelector('[data-previous]');
    if (!cell) return;
    const name = (tr.querySelector('[data-key=name]').value || '').trim();
    cell.textContent = previous[name] || '';
  }

  // ---- draft, dirty state, leaving ----
  let initial = '';
  let dirty = false;
  let submitting = false;
  let draftTimer = 0;
  const draftStatus = root.querySelector('[data-draft-status]');

  function changed() {
    updateTotals();
    dirty = JSON.stringify(collect()) !== initial;
    clearTimeout(draftTimer);
    draftTimer = setTimeout(saveDraft, 400);
    scheduleCheck();
  }
  function saveDraft() {
    const form = collect();
    const json = JSON.stringify(form);
    try {
      if (json === initial) localStorage.removeItem(draftKey);
      else localStorage.setItem(draftKey, JSON.stringify({ savedAt: new Date().toISOString(), version: loadedVersion, year: yearValue(), form }));
      draftStatus.textContent = json === initial ? '' : '草稿已自动保存在本机 ' + new Date().toLocaleTimeString('zh-CN', { hour12: false });
    } catch (err) {
      draftStatus.textContent = '本机草稿未能保存（浏览器存储不可用）';
    }
  }
  function yearValue() { const y = root.querySelector('[data-year]'); return y ? y.value : null; }

  window.addEventListener('beforeunload', e => {
    if (dirty && !submitting) { e.preventDefault(); e.returnValue = ''; }
  });

  root.addEventListener('submit', () => {
    saveDraft();
    root.querySelector('input[name=formJson]').value = JSON.stringify(collect());
    submitting = true;
    // The draft is dropped once the save is through (site.js, on the page the save lands on).
    try { sessionStorage.setItem('jixiao-saved-draft', draftKey); } catch (err) { /* storage off: the draft stays */ }
  });

  function offerDraft() {
    let draft = null;
    try { draft = JSON.parse(localStorage.getItem(draftKey) || 'null'); } catch (err) { draft = null; }
    if (!draft || !draft.form || JSON.stringify(draft.form) === initial) return;
    const offer = root.querySelector('[data-draft-offer]');
    const when = new Date(draft.savedAt).toLocaleString('zh-CN', { hour12: false });
    const older = draft.version && loadedVersion && draft.version !== loadedVersion && loadedVersion !== '0'
      ? '（草稿基于第 ' + draft.version + ' 版，当前已是第 ' + loadedVersion + ' 版，恢复后保存将以您的草稿为准）' : '';
    root.querySelector('[data-draft-text]').textContent = '本机有 ' + when + ' 自动保存、尚未提交的草稿' + older + '。';
    offer.hidden = false;
    root.querySelector('[data-draft-restore]').addEventListener('click', () => {
      render(draft.form);
      const y = root.querySelector('[data-year]');
      if (y && draft.year) y.value = draft.year;
      offer.hidden = true;
      changed();
    });
    root.querySelector('[data-draft-discard]').addEventListener('click', () => {
      localStorage.removeItem(draftKey);
      offer.hidden = true;
    });
  }

  // ---- live review ----
  let checkTimer = 0;
  let checkSeq = 0;
  function scheduleCheck() {
    checkSeq++; // an answer still on its way is about an older form: dropped
    clearTimeout(checkTimer);
    checkTimer = setTimeout(check, 350);
  }
  async function check() {
    const seq = ++checkSeq;
    let url = root.dataset.checkUrl;
    const y = yearValue();
    if (y !== null) url += '&year=' + encodeURIComponent(y);
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': token },
        body: JSON.stringify(collect()),
        credentials: 'same-origin',
      });
      if (seq !== checkSeq) return;
      if (!res.ok) { showScore(null, '实时审核暂不可用（' + res.status + '）'); return; }
      const result = await res.json();
      if (seq !== checkSeq) return;
      if (result.error) { showScore(null, result.error); return; }
      showFindings(result);
    } catch (err) {
      if (seq === checkSeq) showScore(null, '实时审核暂不可用（网络）');
    }
  }

  function showScore(result, text) {
    root.querySelector('[data-score]').textContent = result ? result.score + ' 分（' + result.grade + '）' : '—';
    root.querySelector('[data-score-detail]').textContent = text || '';
  }

  function removeFindingsOf(tr) {
    let next = tr.nextElementSibling;
    while (next && next.classList.contains('finding-row')) { const n = next.nextElementSibling; next.remove(); next = n; }
  }

  function findingText(target, f, withName) {
    const b = document.createElement('b');
    b.textContent = f.severityText;
    target.appendChild(b);
    target.appendChild(document.createTextNode(' ' + (withName && f.indicator ? '“' + f.indicator + '”' : '') + (f.fieldLabel || '') + '：' + f.message + ' '));
    const s = document.createElement('span');
    s.className = 'suggest';
    s.textContent = '建议：' + f.suggestion;
    target.appendChild(s);
    const basis = document.createElement('span');
    basis.className = 'basis';
    basis.textContent = ' （依据：' + f.basis + '）';
    target.appendChild(basis);
  }

  function showFindings(result) {
    const counts = { error: 0, warning: 0, info: 0 };
    result.findings.forEach(f => { counts[f.severity] = (counts[f.severity] || 0) + 1; });
    showScore(result, '错误 ' + counts.error + ' · 警告 ' + counts.warning + ' · 提示 ' + counts.info);
    root.querySelectorAll('tr.finding-row').forEach(r => r.remove());
    root.querySelectorAll('[data-findings]').forEach(ul => { ul.textContent = ''; });
    root.querySelectorAll('.flagged').forEach(x => x.classList.remove('flagged', 'error', 'warning', 'info'));
    const rows = rowsOf('indicators');
    const columns = root.querySelector('table[data-rows=indicators] thead tr').children.length;
    result.findings.forEach(f => {
      if (f.rows && f.rows.length) {
        f.rows.forEach(i => {
          const tr = rows[i];
          if (!tr) return;
          tr.classList.add('flagged', f.severity);
          const fr = document.createElement('tr');
          fr.className = 'finding-row no-print';
          const td = document.createElement('td');
          td.colSpan = columns;
          td.className = 'finding ' + f.severity;
          // The note stays in view while the wide table scrolls sideways.
          const note = document.createElement('div');
          note.className = 'note';
          findingText(note, f, true);
          td.appendChild(note);
          fr.appendChild(td);
          let last = tr;
          while (last.nextElementSibling && last.nextElementSibling.classList.contains('finding-row')) last = last.nextElementSibling;
          last.after(fr);
        });
        return;
      }
      const ul = root.querySelector('[data-findings="' + f.part + '"]') || root.querySelector('[data-findings=header]');
      const li = document.createElement('li');
      li.className = 'finding ' + f.severity;
      findingText(li, f, false);
      ul.appendChild(li);
      const field = f.field && root.querySelector('[data-field="' + CSS.escape(f.field) + '"]');
      if (field) field.classList.add('flagged', f.severity);
    });
    (result.targets || []).forEach((t, i) => {
      const tr = rows[i];
      const cell = tr && tr.querySelector('[data-parse]');
      if (cell) showParse(cell, t.annual);
    });
  }

  function showParse(cell, p) {
    cell.textContent = '';
    cell.classList.remove('pending');
    if (!p) return;
    const add = (label, value, cls) => {
      if (value === null || value === undefined || value === '') return;
      const s = document.createElement('span');
      s.className = 'chip' + (cls ? ' ' + cls : '');
      s.title = label;
      s.textContent = value;
      cell.appendChild(s);
    };
    add('类型', p.kindText, p.kind);
    add('运算符', p.op);
    add('数值', p.value);
    add('单位', p.unit);
    add('方向', p.direction);
  }

  // ---- start ----
  render(base);
  root.querySelectorAll('[data-key], [data-field]').forEach(validateInput);
  initial = JSON.stringify(collect());
  offerDraft();
  check();
  try { sessionStorage.removeItem('jixiao-saved-draft'); } catch (err) { /* nothing to drop */ }
})();
