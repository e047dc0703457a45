// eventwire web page: a little vanilla JavaScript, no build step.
// Untrusted text (article words, names) is only ever inserted with textContent.
(function () {
  "use strict";

  // -- story page: clicking an event on the timeline shows its reports --------------------
  function showEvent(g) {
    var id = g.getAttribute("data-event");
    document.querySelectorAll(".tl-event.active").forEach(function (x) { x.classList.remove("active"); });
    document.querySelectorAll(".event-detail").forEach(function (d) { d.hidden = true; });
    var detail = document.getElementById("detail-" + id);
    if (detail) { detail.hidden = false; g.classList.add("active"); }
  }
  document.querySelectorAll(".tl-event").forEach(function (g) {
    g.addEventListener("click", function () { showEvent(g); });
    g.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); showEvent(g); }
    });
  });

  // -- article page: hovering or clicking a highlight shows the fact ------------------------
  var factsNode = document.getElementById("facts");
  var pop = document.getElementById("fact-pop");
  var text = document.getElementById("article-text");
  if (!factsNode || !pop || !text) { return; }
  var facts = JSON.parse(factsNode.textContent || "{}");
  var pinned = false;

  function el(tag, cls, words) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (words !== undefined) { node.textContent = words; }
    return node;
  }

  function fill(fact) {
    pop.replaceChildren();
    pop.appendChild(el("div", "kind", fact.kind));
    pop.appendChild(el("h4", null, fact.title));
    var ul = el("ul");
    (fact.lines || []).forEach(function (line) { ul.appendChild(el("li", null, line)); });
    pop.appendChild(ul);
    var links = el("div", "links");
    (fact.links || []).forEach(function (link) {
      if (typeof link.href !== "string" || link.href.charAt(0) !== "/" || link.href.charAt(1) === "/") { return; }
      var a = el("a", null, link.text);
      a.href = link.href;
      links.appendChild(a);
    });
    pop.appendChild(links);
  }

  function show(mark) {
    var fact = facts[mark.getAttribute("data-fact")];
    if (!fact) { return; }
    fill(fact);
    var wrap = text.parentNode.getBoundingClientRect();
    var box = mark.getBoundingClientRect();
    pop.hidden = false;
    var left = Math.min(box.left - wrap.left, wrap.width - pop.offsetWidth);
    pop.style.left = Math.max(0, left) + "px";
    pop.style.top = (box.bottom - wrap.top + 6) + "px";
  }

  text.addEventListener("mouseover", function (e) {
    var mark = e.target.closest("mark.hl");
    if (mark && !pinned) { show(mark); }
  });
  text.addEventListener("mouseleave", function () { if (!pinned) { pop.hidden = true; } });
  text.addEventListener("click", function (e) {
    var mark = e.target.closest("mark.hl");
    if (mark) { pinned = true; show(mark); e.stopPropagation(); }
  });
  text.addEventListener("focusin", function (e) {
    var mark = e.target.closest("mark.hl");
    if (mark) { show(mark); }
  });
  document.addEventListener("click", function (e) {
    if (!pop.contains(e.target)) { pinned = false; pop.hidden = true; }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { pinned = false; pop.hidden = true; }
  });

  document.querySelectorAll("[data-toggle]").forEach(function (box) {
    function apply() { text.classList.toggle("hide-" + box.getAttribute("data-toggle"), !box.checked); }
    box.addEventListener("change", apply);
    apply();  // a box the browser restored (back button) shows its kind again
  });
})();
