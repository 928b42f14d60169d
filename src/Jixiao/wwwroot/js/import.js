// Uploads each chosen file on its own request, with a progress bar per file, then links its preview.
(function () {
  const form = document.getElementById('upload');
  if (!form) return;
  const rows = document.querySelector('#uploads tbody');
  const token = form.querySelector('input[name="__RequestVerificationToken"]').value;

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    const input = form.querySelector('input[type=file]');
    Array.from(input.files).forEach(upload);
    input.value = '';
  });

  // The server's own limit, so that a file it would refuse is not sent at all.
  const maxBytes = Number(form.dataset.maxBytes) || 50 * 1024 * 1024;
  const maxMb = form.dataset.maxMb || '50';

  function upload(file) {
    const row = rows.insertRow();
    const name = row.insertCell(); name.textContent = file.name;
    const bar = document.createElement('progress'); bar.max = 100; bar.value = 0;
    row.insertCell().appendChild(bar);
    const result = row.insertCell(); result.textContent = '上传中…';
    if (file.size > maxBytes) {
      result.textContent = '文件大小为 ' + Math.ceil(file.size / 1048576) + ' MB，超过每个文件 ' + maxMb + ' MB 的上限，请删去无关内容后再导入';
      row.className = 'failed';
      return;
    }

    const data = new FormData();
    data.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('RequestVerificationToken', token);
    xhr.upload.onprogress = function (ev) { if (ev.lengthComputable) bar.value = Math.round(ev.loaded * 100 / ev.total); };
    xhr.upload.onload = function () { bar.value = 100; result.textContent = '试读中…'; };
    xhr.onload = function () {
      let answer = null;
      try { answer = JSON.parse(xhr.responseText); } catch (_) { }
      if (xhr.status !== 200 || !answer) {
        // The server names the limit it applied; without an answer, say what the status means.
        result.textContent = (answer && answer.error) ||
          (xhr.status === 413 ? '文件太大，超过每个文件 ' + maxMb + ' MB 的上限' : xhr.status === 400 ? '页面已过期，请刷新后重试' :
           xhr.status === 429 ? '操作过于频繁，请稍后再试' : '上传失败（' + xhr.status + '）');
        row.className = 'failed';
        return;
      }
      result.textContent = '';
      if (answer.ok) {
        const link = document.createElement('a'); link.href = answer.preview; link.textContent = '预览并确认';
        result.append(answer.result + '　', link);
      } else {
        result.textContent = answer.error || '无法读取';
        row.className = 'failed';
        if (answer.preview) { const link = document.createElement('a'); link.href = answer.preview; link.textContent = '详情'; result.append('　', link); }
      }
    };
    xhr.onerror = function () { result.textContent = '网络错误，上传未完成'; row.className = 'failed'; };
    xhr.send(data);
  }
})();
