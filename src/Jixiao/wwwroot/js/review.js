// Review comments in place: "＋意见" beside a row or field picks that row or field in the review panel's
// comment form and moves there; without script the link still jumps to the form.
document.addEventListener('click', function (e) {
  const link = e.target.closest('[data-comment-target]');
  const form = document.getElementById('comment-form');
  if (!link || !form) return;
  const select = form.querySelector('select[name=target]');
  const value = link.getAttribute('data-comment-target');
  if (!select || !Array.prototype.some.call(select.options, function (o) { return o.value === value; })) return;
  e.preventDefault();
  select.value = value;
  form.scrollIntoView({ block: 'center' });
  const text = form.querySelector('textarea[name=text]');
  if (text) text.focus();
});
