// Zhibu page helpers (no inline scripts: the CSP allows only 'self').
// 1. The large-text setting for older members, remembered on the device.
(function () {
  try {
    if (localStorage.getItem('zb-large') === '1') document.documentElement.classList.add('zb-large');
  } catch (e) { /* storage disabled */ }
  document.addEventListener('click', function (ev) {
    var t = ev.target.closest && ev.target.closest('[data-zb-large]');
    if (!t) return;
    ev.preventDefault();
    var on = !document.documentElement.classList.contains('zb-large');
    document.documentElement.classList.toggle('zb-large', on);
    try { localStorage.setItem('zb-large', on ? '1' : '0'); } catch (e) { /* ignore */ }
    t.setAttribute('aria-pressed', on ? 'true' : 'false');
  });
  // 2. Mark the current tab of the member's tab bar.
  document.addEventListener('DOMContentLoaded', function () {
    var path = location.pathname;
    document.querySelectorAll('.zb-tabbar a').forEach(function (a) {
      var h = a.getAttribute('href');
      if (h === path || (h !== '/' && path.indexOf(h) === 0)) a.classList.add('active');
    });
    // 3. Bulk actions: "check all" boxes (data-zb-check-all="name of the boxes")
    document.querySelectorAll('[data-zb-check-all]').forEach(function (box) {
      box.addEventListener('change', function () {
        document.querySelectorAll('input[type=checkbox][name="' + box.getAttribute('data-zb-check-all') + '"]')
          .forEach(function (c) { c.checked = box.checked; });
      });
    });
    document.querySelectorAll('[data-zb-set-all]').forEach(function (btn) {
      btn.addEventListener('click', function (ev) {
        ev.preventDefault();
        var v = btn.getAttribute('data-zb-set-all');
        document.querySelectorAll('select[data-zb-bulk]').forEach(function (s) { if (s.value !== '') s.value = v; });
      });
    });
  });
  // 4. The web app: a service worker so it can be added to the home screen.
  if ('serviceWorker' in navigator) {
    window.addEventListener('load', function () {
      if (document.getElementById('logout')) navigator.serviceWorker.register('/sw.js').catch(function () {});
    });
  }
})();
// 5. Pickers (fragments/picker.html): a suggestion fills the hidden id and the visible name.
document.addEventListener('click', function (ev) {
  var opt = ev.target.closest && ev.target.closest('.zb-pick-option');
  if (opt) {
    var box = opt.closest('.zb-picker');
    box.querySelector('input[type=hidden]').value = opt.getAttribute('data-id');
    var q = box.querySelector('.zb-pick-q');
    q.value = opt.getAttribute('data-label');
    q.classList.remove('is-invalid');
    box.querySelector('.zb-pick-options').innerHTML = '';
    return;
  }
  document.querySelectorAll('.zb-pick-options').forEach(function (l) {
    if (!l.parentNode.contains(ev.target)) l.innerHTML = '';
  });
});
