// Small behaviours for every page, kept out of the markup so the content security policy can forbid inline script.
document.addEventListener('click', function (e) {
  if (e.target.closest('[data-print]')) window.print();
});
document.addEventListener('change', function (e) {
  const field = e.target.closest('[data-submit-on-change]');
  if (field && field.form) field.form.submit();
});
// A form with data-confirm asks before it is sent (deleting, disabling, resetting a password).
document.addEventListener('submit', function (e) {
  const form = e.target.closest('form[data-confirm]');
  if (form && !window.confirm(form.getAttribute('data-confirm'))) e.preventDefault();
});
// Department goals: ↑/↓ move a row and renumber the 序号 fields, so the saved order is what the user sees.
document.addEventListener('click', function (e) {
  const up = e.target.closest('[data-goal-up]'), down = e.target.closest('[data-goal-down]');
  if (!up && !down) return;
  const row = e.target.closest('[data-goal-row]');
  const sibling = up ? row.previousElementSibling : row.nextElementSibling;
  if (!sibling) return;
  if (up) row.parentNode.insertBefore(row, sibling); else row.parentNode.insertBefore(sibling, row);
  row.parentNode.querySelectorAll('[data-goal-order]').forEach(function (input, i) { input.value = i + 1; });
});
// The project editor keeps a draft in this browser until a save goes through: the page a save lands
// on (anything but the editor or its conflict page) drops it.
(function () {
  let key = null;
  try { key = sessionStorage.getItem('jixiao-saved-draft'); } catch (e) { return; }
  if (!key || !document.querySelector('article.form-sheet') || document.querySelector('[data-editor], [data-conflict]')) return;
  localStorage.removeItem(key);
  sessionStorage.removeItem('jixiao-saved-draft');
})();
