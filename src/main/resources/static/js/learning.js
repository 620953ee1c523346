// Counts down the seconds left for the current quiz question (display only: the server decides what is late).
(function () {
  var el = document.getElementById('countdown');
  if (!el) { return; }
  var left = parseInt(el.getAttribute('data-seconds'), 10) || 0;
  var label = el.textContent;
  var tick = function () {
    el.textContent = label.replace(/\d+/, String(left));
    if (left > 0) { left -= 1; setTimeout(tick, 1000); }
  };
  tick();
})();
