// The form-based standard system editor: add and remove aspects, standards, items, vetoes and tiers; show the
// platform-fact fields only for derived items; keep a running sum of the item points against the total.
// Rows are copied from <template>s whose names carry the prefix ZBPREFIX, replaced by the parent's prefix and the next free index.
(function () {
  function init() {
    var form = document.getElementById('system-form');
    if (!form) { return; }

    function nextIndex(container, letter) {
      var max = -1;
      Array.prototype.forEach.call(container.children, function (el) {
        var m = /([a-z])(\d+)$/.exec(el.getAttribute('data-prefix') || '');
        if (m && m[1] === letter) { max = Math.max(max, parseInt(m[2], 10)); }
      });
      return max + 1;
    }

    function add(templateId, container, prefix) {
      var html = document.getElementById(templateId).innerHTML.split('ZBPREFIX').join(prefix);
      var wrap = document.createElement('div');
      wrap.innerHTML = html.trim();
      var el = wrap.firstElementChild;
      container.appendChild(el);
      return el;
    }

    function toggle(item) {
      var mode = item.querySelector('.zb-mode');
      var derived = !mode || mode.value === 'DERIVED';
      item.querySelectorAll('.zb-derived').forEach(function (d) { d.classList.toggle('d-none', !derived); });
    }

    function addItem(standard) {
      var c = standard.querySelector('.zb-items');
      var el = add('tpl-item', c, standard.getAttribute('data-prefix') + '.i' + nextIndex(c, 'i'));
      toggle(el);
      return el;
    }

    function addStandard(aspect) {
      var c = aspect.querySelector('.zb-standards');
      var el = add('tpl-standard', c, aspect.getAttribute('data-prefix') + '.s' + nextIndex(c, 's'));
      addItem(el);
      return el;
    }

    function sum() {
      var total = 0;
      form.querySelectorAll('.zb-points').forEach(function (i) {
        var v = parseFloat((i.value || '').replace(',', '.'));
        if (!isNaN(v)) { total += v; }
      });
      total = Math.round(total * 100) / 100;
      var target = parseFloat((document.getElementById('sys-total').value || '').replace(',', '.'));
      document.getElementById('points-sum').textContent = total;
      document.getElementById('points-total').textContent = isNaN(target) ? '?' : target;
      var box = document.getElementById('points-sum-box');
      box.classList.toggle('text-danger', isNaN(target) || Math.abs(total - target) > 0.001);
      box.classList.toggle('text-success', !isNaN(target) && Math.abs(total - target) <= 0.001);
    }

    form.addEventListener('click', function (e) {
      var b = e.target.closest('button');
      if (!b || b.type !== 'button') { return; }
      var focus = null;
      if (b.classList.contains('zb-remove')) {
        b.closest('[data-prefix]').remove();
      } else if (b.classList.contains('zb-add-item')) {
        focus = addItem(b.closest('.zb-standard'));
      } else if (b.classList.contains('zb-add-standard')) {
        focus = addStandard(b.closest('.zb-aspect'));
      } else if (b.id === 'add-aspect') {
        var aspects = document.getElementById('aspects');
        focus = add('tpl-aspect', aspects, 'a' + nextIndex(aspects, 'a'));
        addStandard(focus);
      } else if (b.id === 'add-veto') {
        var vetoes = document.getElementById('vetoes');
        focus = add('tpl-veto', vetoes, 'v' + nextIndex(vetoes, 'v'));
      } else if (b.id === 'add-tier') {
        var tiers = document.getElementById('tiers');
        focus = add('tpl-tier', tiers, 't' + nextIndex(tiers, 't'));
      } else {
        return;
      }
      if (focus) {
        var input = focus.querySelector('input');
        if (input) { input.focus(); }
      }
      sum();
    });
    form.addEventListener('change', function (e) {
      if (e.target.classList.contains('zb-mode')) { toggle(e.target.closest('.zb-item')); }
    });
    form.addEventListener('input', function (e) {
      if (e.target.classList.contains('zb-points') || e.target.id === 'sys-total') { sum(); }
    });
    form.querySelectorAll('.zb-item').forEach(toggle);
    sum();
    var errors = document.getElementById('form-errors');
    if (errors) { errors.scrollIntoView({block: 'start'}); }
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
