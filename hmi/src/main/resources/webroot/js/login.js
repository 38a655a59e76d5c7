'use strict';
(async () => {
  const health = await fetch('/api/health').then(r => r.json()).catch(() => null);
  if (health) {
    document.getElementById('plant').textContent = health.plant;
    document.getElementById('demo').hidden = !health.demo;
  }
  document.getElementById('form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const error = document.getElementById('error');
    error.textContent = '';
    try {
      await Hmi.api('POST', '/api/login', {
        user: document.getElementById('user').value.trim(),
        password: document.getElementById('password').value
      });
      location.href = '/overview.html';
    } catch (e) {
      error.textContent = e.message;
      document.getElementById('password').value = '';
    }
  });
})();
