// Export buttons: the file is fetched while the form shows that it is working (a unit's book of
// hundreds of projects takes a while), then saved under the name the server gives it.
(function () {
  'use strict';
  function fileName(response, fallback) {
    var header = response.headers.get('Content-Disposition') || '';
    var star = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (star) return decodeURIComponent(star[1]);
    var plain = /filename="?([^";]+)"?/i.exec(header);
    return plain ? plain[1] : fallback;
  }
  document.querySelectorAll('form[data-export]').forEach(function (form) {
    // Razor writes a data- attribute even when its value is null: a background form (a unit's book,
    // posted as a job) carries data-export="" and keeps its own post to the job page.
    if (form.dataset.bound || form.method === 'post') return;
    form.dataset.bound = '1';
    form.addEventListener('submit', function (event) {
      var button = event.submitter;
      if (!button || !window.fetch) return;
      event.preventDefault();
      var data = new FormData(form);
      data.set('to', button.value);
      var url = form.action + '?' + new URLSearchParams(data).toString();
      var status = form.querySelector('.export-status');
      var buttons = form.querySelectorAll('button');
      buttons.forEach(function (b) { b.disabled = true; });
      form.classList.add('busy');
      form.setAttribute('aria-busy', 'true');
      status.textContent = '正在生成' + button.textContent.replace('导出 ', '') + ' 文件，请稍候…';
      fetch(url, { credentials: 'same-origin' }).then(function (response) {
        if (!response.ok) {
          return response.text().then(function (text) {
            throw new Error(response.status === 503 ? text : '导出失败（' + response.status + '）');
          });
        }
        return response.blob().then(function (blob) {
          var link = document.createElement('a');
          link.href = URL.createObjectURL(blob);
          link.download = fileName(response, 'export.' + button.value);
          document.body.appendChild(link);
          link.click();
          link.remove();
          setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
          status.textContent = '已生成：' + link.download;
        });
      }).catch(function (error) {
        status.textContent = error.message;
      }).finally(function () {
        buttons.forEach(function (b) { b.disabled = false; });
        form.classList.remove('busy');
        form.removeAttribute('aria-busy');
      });
    });
  });
})();
