// Small behaviours for every page, kept out of the markup so the content security policy can forbid inline script.
document.addEventListener('click', function (e) {
  if (e.target.closest('[data-print]')) window.print();
});
document.addEventListener('change', function (e) {
  const field = e.target.closest('[data-submit-on-change]');
  if (field && field.form) field.form.submit();
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
