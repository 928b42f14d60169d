// Small behaviours for every page, kept out of the markup so the content security policy can forbid inline script.
document.addEventListener('click', function (e) {
  if (e.target.closest('[data-print]')) window.print();
});
document.addEventListener('change', function (e) {
  const field = e.target.closest('[data-submit-on-change]');
  if (field && field.form) field.form.submit();
});
