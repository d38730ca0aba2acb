// hezuo: searchable pickers on forms (issue 18). An
// <input data-pick="division|org|partyorg|person|guarantor|unit"> (or a textarea with
// data-pick-multi) becomes a combobox: typing
// part of a name lists, from GET /api/pick, at most 20 records the user may
// see; choosing one shows its name while the form submits its code (a
// division code, 组织编号, 党组织编号, or "#id" for a person, which the
// server resolves). Typing a code and not choosing submits what was typed,
// as the plain input does without this script.
//   data-pick-level="village"  only divisions of that level
//   data-pick-within="222424103"  only inside that division
//   data-pick-prefix  a division submits its significant digits (a scope box)
//   data-pick-multi  the input holds a list of codes: a choice is appended
// A <select data-pick-filter> gets a box filtering its choices by name.
(function () {
  "use strict";
  var zh = (document.documentElement.lang || "").indexOf("zh") === 0;
  var T = zh
    ? { hint: "输入名称查找", none: "没有匹配的记录", n: "条结果，上下键选择", busy: "查询过于频繁，请稍候", chosen: "已选：", filter: "输入名称筛选",
      person: "输入姓名或身份证号后四位", guarantor: "输入担保人姓名", unit: "输入单位名称或代码", org: "输入组织名称或编号", partyorg: "输入党组织名称或编号", division: "输入地名（县、乡镇、村）" }
    : { hint: "Type a name to search", none: "No match", n: " results, arrow keys to choose", busy: "Too many searches: wait a moment", chosen: "Chosen: ", filter: "Type to filter",
      person: "Name or last 4 of the ID number", guarantor: "Guarantor's name", unit: "Unit's name or code", org: "Organization's name or number", partyorg: "Party organization's name or number", division: "Place name (county, township, village)" };
  var seq = 0;

  function ask(params, cb) {
    var qs = Object.keys(params).filter(function (k) { return params[k]; })
      .map(function (k) { return encodeURIComponent(k) + "=" + encodeURIComponent(params[k]); }).join("&");
    fetch("/api/pick?" + qs, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (j) { cb(j.items || []); }, function (st) { cb(null, st); });
  }

  // significant digits of a 12-digit division code (222424103000 → 222424103).
  function sig(c) {
    if (/^\d{12}$/.test(c)) {
      if (/000000$/.test(c)) { return c.slice(0, 6); }
      if (/000$/.test(c)) { return c.slice(0, 9); }
    }
    return c;
  }

  function el(tag, cls) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    return e;
  }

  function init(input) {
    if (input.getAttribute("data-pick-ready")) { return; }
    input.setAttribute("data-pick-ready", "1");
    var kind = input.getAttribute("data-pick");
    var multi = input.hasAttribute("data-pick-multi");
    var prefix = input.hasAttribute("data-pick-prefix");
    var id = "pick-" + (++seq);
    var wrap = el("span", "picker");
    input.parentNode.insertBefore(wrap, input);
    wrap.appendChild(input);
    var list = el("ul", "pick-list");
    list.id = id + "-list";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    wrap.appendChild(list);
    var detail = el("span", "pick-detail muted small");
    detail.id = id + "-detail";
    wrap.appendChild(detail);
    var status = el("span", "pick-status");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    wrap.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    var described = input.getAttribute("aria-describedby");
    input.setAttribute("aria-describedby", (described ? described + " " : "") + detail.id);
    input.setAttribute("autocomplete", "off");
    input.removeAttribute("list"); // no second list of suggestions
    if (!input.placeholder) { input.placeholder = T[kind] || T.hint; }

    var picked = null; // {value, label}: the choice whose name the input shows
    var items = [];
    var active = -1;
    var timer = 0;
    var asked = 0;
    var names = {}; // multi: code → name
    var entered = false; // Enter took a choice (until the key is up)

    function base() {
      return { kind: kind, level: input.getAttribute("data-pick-level") || "", within: input.getAttribute("data-pick-within") || "" };
    }
    function valueOf(it) { return prefix ? sig(it.value) : it.value; }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function mark(i) {
      var opts = list.querySelectorAll("[role=option]");
      if (!opts.length) { return; }
      active = (i + opts.length) % opts.length;
      for (var k = 0; k < opts.length; k++) { opts[k].setAttribute("aria-selected", k === active ? "true" : "false"); }
      input.setAttribute("aria-activedescendant", opts[active].id);
      opts[active].scrollIntoView({ block: "nearest" });
    }
    function render(got) {
      items = got;
      list.textContent = "";
      active = -1;
      if (!got.length) {
        var none = el("li", "pick-none");
        none.textContent = T.none;
        list.appendChild(none);
      }
      got.forEach(function (it, i) {
        var li = el("li", "pick-option");
        li.id = id + "-o" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        var name = el("span", "pick-name");
        name.textContent = it.label;
        li.appendChild(name);
        if (it.detail) {
          var d = el("span", "pick-sub");
          d.textContent = it.detail;
          li.appendChild(d);
        }
        li.addEventListener("mousedown", function (e) { e.preventDefault(); });
        li.addEventListener("click", function () { choose(i); });
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = got.length ? got.length + T.n : T.none;
    }
    function showChips() {
      var codes = input.value.split(/[\s;,，；、]+/).filter(Boolean);
      var shown = codes.map(function (c) { return names[c] ? names[c] + "（" + c + "）" : ""; }).filter(Boolean);
      detail.textContent = shown.length ? T.chosen + shown.join("、") : "";
    }
    function choose(i) {
      var it = items[i];
      if (!it) { return; }
      if (multi) {
        var v = valueOf(it);
        names[v] = it.label;
        input.value = input.value.replace(/[^\s;,，；、]*$/, "") + v + ", ";
        showChips();
      } else {
        picked = { value: valueOf(it), label: it.label };
        input.value = it.label;
        detail.textContent = it.detail || "";
      }
      close();
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }
    function term() {
      return multi ? (input.value.match(/[^\s;,，；、]*$/) || [""])[0] : input.value.trim();
    }
    // A whole code typed (an ID number, an org's number): the typed value
    // is what the form submits; its name is shown beside, no list opens.
    function confirmCode(it) {
      close();
      if (!multi) { detail.textContent = it.label + (it.detail ? " · " + it.detail : ""); }
    }
    function search() {
      var q = term();
      if (!q) { close(); return; }
      var n = ++asked;
      if (!multi && /^\d{17}[\dXx]$/.test(q)) {
        lookup(q, function (it) { if (n === asked && term() === q) { confirmCode(it); } });
        close();
        return;
      }
      var p = base();
      p.q = q.slice(0, 40);
      ask(p, function (got, st) {
        if (n !== asked || document.activeElement !== input) { return; }
        if (got === null) {
          status.textContent = st === 429 ? T.busy : "";
          close();
          return;
        }
        for (var i = 0; i < got.length; i++) {
          if (!multi && String(got[i].value).toUpperCase() === q.toUpperCase()) { confirmCode(got[i]); return; }
        }
        render(got);
      });
    }
    function lookup(code, cb) {
      var p = base();
      p.within = "";
      p.code = code;
      ask(p, function (got) { if (got && got.length) { cb(got[0]); } });
    }

    input.addEventListener("input", function () {
      if (!multi) { picked = null; detail.textContent = ""; }
      clearTimeout(timer);
      timer = setTimeout(search, 250);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        if (list.hidden) { search(); return; }
        mark(active + (e.key === "ArrowDown" ? 1 : -1));
      } else if (e.key === "Enter" && !list.hidden && active >= 0) {
        e.preventDefault();
        entered = true;
        choose(active);
      } else if (e.key === "Escape" && !list.hidden) {
        e.preventDefault();
        close();
      }
    });
    // The Enter that took a choice does not send the form.
    input.addEventListener("keypress", function (e) { if (e.key === "Enter" && entered) { e.preventDefault(); } });
    input.addEventListener("keyup", function (e) { if (e.key === "Enter") { entered = false; } });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    // A name shown for a choice is replaced as a whole by what is typed.
    input.addEventListener("focus", function () { if (picked && input.value === picked.label) { input.select(); } });
    if (input.form) {
      // The form submits the chosen code in place of the name shown.
      input.form.addEventListener("formdata", function (e) {
        if (picked && input.name && input.value === picked.label) { e.formData.set(input.name, picked.value); }
      });
    }
    // A stored or re-shown value: show its name.
    if (multi) {
      input.value.split(/[\s;,，；、]+/).filter(Boolean).slice(0, 20).forEach(function (c) {
        lookup(c, function (it) { names[c] = it.label; showChips(); });
      });
    } else if (input.value.trim()) {
      var code = input.value.trim();
      lookup(code, function (it) {
        if (input.value.trim() !== code || document.activeElement === input) { return; }
        picked = { value: code, label: it.label };
        input.value = it.label;
        detail.textContent = it.detail || "";
      });
    }
  }

  // A long <select data-pick-filter> (the villages of a county) gets a
  // search box: typing part of a name keeps the matching choices and
  // chooses the first of them when the chosen one no longer matches.
  function filter(sel) {
    if (sel.getAttribute("data-pick-ready")) { return; }
    sel.setAttribute("data-pick-ready", "1");
    if (sel.options.length < 8) { return; }
    var box = el("input", "pick-filter");
    box.type = "search";
    box.placeholder = T.filter;
    box.setAttribute("aria-label", T.filter);
    box.setAttribute("aria-controls", sel.id);
    box.autocomplete = "off";
    sel.parentNode.insertBefore(box, sel);
    box.addEventListener("input", function () {
      var q = box.value.trim();
      var first = null;
      for (var i = 0; i < sel.options.length; i++) {
        var o = sel.options[i];
        var hit = !q || (o.value !== "" && o.textContent.indexOf(q) >= 0);
        o.hidden = !hit;
        if (hit && o.value !== "" && !first) { first = o; }
      }
      var cur = sel.options[sel.selectedIndex];
      if (q && first && (!cur || cur.hidden || cur.value === "")) {
        sel.value = first.value;
        sel.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  }

  function all() {
    var ins = document.querySelectorAll("input[data-pick], textarea[data-pick-multi]");
    for (var i = 0; i < ins.length; i++) { init(ins[i]); }
    var sels = document.querySelectorAll("select[data-pick-filter]");
    for (var k = 0; k < sels.length; k++) { filter(sels[k]); }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", all);
  } else {
    all();
  }
})();
