// The export job page: asks the server how far the job is every second and shows it; when the file
// is ready, the download link appears. Without JavaScript the page offers a link to reload it.
(function () {
  'use strict';
  var box = document.querySelector('[data-export-job]');
  if (!box || !window.fetch) return;
  var state = box.querySelector('.job-state');
  var bar = box.querySelector('.job-progress');
  var stage = box.querySelector('.job-stage');
  var file = box.querySelector('.job-file');
  var names = { queued: '排队中', running: '进行中', done: '已完成', failed: '失败' };
  function poll() {
    fetch(box.dataset.exportJob, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error('无法获取导出进度（' + r.status + '）');
      return r.json();
    }).then(function (s) {
      state.textContent = names[s.state] || s.state;
      // The same job's line in the list below the box.
      var row = document.querySelector('[data-job-state="' + box.dataset.jobId + '"]');
      if (row) row.textContent = state.textContent + (s.state === 'running' ? ' ' + s.percent + '%' : '');
      if (s.state === 'running' && s.total === 0) bar.removeAttribute('value');
      else bar.value = s.percent;
      bar.textContent = s.percent + '%';
      stage.textContent = s.stage + (s.total > 0 ? '（' + s.done + '/' + s.total + '）' : '');
      if (s.state === 'done') { file.hidden = false; return; }
      if (s.state === 'failed') {
        var error = document.createElement('p');
        error.className = 'error';
        error.textContent = s.error;
        stage.after(error);
        var again = box.querySelector('.job-again');
        if (again) again.hidden = false;
        return;
      }
      setTimeout(poll, 1000);
    }).catch(function (e) { stage.textContent = e.message; });
  }
  if (state.textContent !== '已完成' && state.textContent !== '失败') setTimeout(poll, 500);
})();
