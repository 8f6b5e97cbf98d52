// Test pages only: reports what the extension painted, and our marks on the page's timeline, back
// to the local test server, since a headless Firefox run through web-ext has no driver to ask.
(function () {
  var started = Date.now();
  function report(done) {
    var out = {};
    if (window.CSS && CSS.highlights) {
      CSS.highlights.forEach(function (highlight, name) {
        out[name] = Array.from(highlight).map(function (r) { return r.toString(); });
      });
    }
    var marks = performance.getEntriesByType('mark').map(function (m) { return m.name; }).filter(function (n) { return n.indexOf('dramatis:') === 0; });
    var hasMarks = Object.keys(out).some(function (k) { return k.indexOf('dramatis-') === 0; });
    if (hasMarks || done) {
      fetch('/__report', { method: 'POST', body: JSON.stringify({ highlights: out, ua: navigator.userAgent, ms: Date.now() - started, marks: marks }) });
      return;
    }
    setTimeout(function () { report(Date.now() - started > 20000); }, 250);
  }
  report(false);
})();
