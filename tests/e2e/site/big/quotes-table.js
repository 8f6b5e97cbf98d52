// A market widget's thousands of cells, filled by the page's own script as such widgets are:
// with it, a page is big enough to be parsed off its thread.
(function () {
  var body = document.getElementById('quotes');
  for (var i = 0; i < 900; i++) {
    var row = document.createElement('tr');
    var cells = ['IDX' + i, (100 + ((i * 7) % 53)).toFixed(2), ((i % 9) - 4).toFixed(1) + '%', 'vol ' + (1000 + i)];
    for (var c = 0; c < cells.length; c++) {
      var cell = document.createElement('td');
      cell.textContent = cells[c];
      row.appendChild(cell);
    }
    body.appendChild(row);
  }
})();
