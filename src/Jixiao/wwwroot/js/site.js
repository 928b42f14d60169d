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
