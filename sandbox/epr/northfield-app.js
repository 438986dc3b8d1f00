// Northfield ClinicalWorks: the single-page app served at /app.js. Plain browser JavaScript, no
// build step. Every value from the patient list is put into the page with textContent, never as
// markup. The NHS number is read from the route and only ever written to data-nhs-number.
(function () {
  'use strict';

  var patients = JSON.parse(document.getElementById('cw-patients').textContent);
  var byPath = new Map(patients.map(function (p) { return [p.path, p]; }));
  var view = document.getElementById('view');
  var recentBox = document.getElementById('recent');
  var recent = patients.slice(0, 4).map(function (p) { return p.path; });
  var ROUTE = /^\/app\/patient\/(\d{10})$/;
  // The patient on screen, announced to integration.js (FHIRcast) as it opens and closes.
  var openPath = null;

  function announce(p, nhsNumber) {
    var path = p ? p.path : null;
    if (path === openPath) return;
    if (openPath) document.dispatchEvent(new CustomEvent('cw:patient-close', { detail: { path: openPath } }));
    openPath = path;
    if (p) document.dispatchEvent(new CustomEvent('cw:patient-open', { detail: { patient: p, nhsNumber: nhsNumber } }));
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    (children || []).forEach(function (child) {
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function slashDate(iso) {
    var parts = iso.split('-');
    return parts[2] + '/' + parts[1] + '/' + parts[0];
  }

  function todayIso() {
    var d = new Date();
    var pad = function (n) { return String(n).padStart(2, '0'); };
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }

  function ageYears(birthDate, onDate) {
    var b = birthDate.split('-').map(Number);
    var o = onDate.split('-').map(Number);
    var years = o[0] - b[0];
    if (o[1] < b[1] || (o[1] === b[1] && o[2] < b[2])) years -= 1;
    return years;
  }

  function displayName(p) {
    return p.family.toUpperCase() + ', ' + p.given + (p.prefix ? ' (' + p.prefix + ')' : '');
  }

  function link(p, text) {
    return el('a', { href: p.path, 'data-route': '' }, [text]);
  }

  function renderRecent() {
    recentBox.replaceChildren.apply(recentBox, recent.map(function (path) {
      var p = byPath.get(path);
      return link(p, p.family + ', ' + p.given.charAt(0));
    }));
  }

  function renderList() {
    document.title = 'My patients - ClinicalWorks';
    var rows = patients.map(function (p) {
      return el('tr', {}, [
        el('td', {}, [link(p, displayName(p))]),
        el('td', {}, [slashDate(p.birthDate)]),
        el('td', {}, [p.mrn]),
        el('td', {}, [p.deceased ? 'Deceased' : (p.ward || 'Outpatient')]),
        el('td', {}, [p.specialty]),
      ]);
    });
    var head = el('tr', {}, ['Patient', 'Date of birth', 'MRN', 'Location', 'Specialty'].map(function (h) {
      return el('th', {}, [h]);
    }));
    view.replaceChildren(
      el('h1', {}, ['My patients']),
      el('table', { class: 'list' }, [el('thead', {}, [head]), el('tbody', {}, rows)])
    );
  }

  function definitionList(pairs) {
    var items = [];
    pairs.forEach(function (pair) { items.push(el('dt', {}, [pair[0]]), el('dd', {}, [pair[1]])); });
    return el('dl', {}, items);
  }

  var TABS = {
    Overview: function (p) {
      var next = p.appointments[0];
      return definitionList([
        ['Location', p.deceased ? 'Deceased ' + slashDate(p.deceased) : (p.ward || 'Outpatient')],
        ['Consultant', p.consultant + ' (' + p.specialty + ')'],
        ['Next appointment', next ? slashDate(next.date) + ' ' + next.time + ', ' + next.clinic : 'None booked'],
      ]);
    },
    Appointments: function (p) {
      if (p.appointments.length === 0) return el('p', {}, ['No future appointments.']);
      return el('ul', {}, p.appointments.map(function (a) {
        return el('li', {}, [slashDate(a.date) + ' ' + a.time + ' - ' + a.clinic]);
      }));
    },
    Contacts: function (p) {
      return definitionList([['Registered GP', 'Riverside GP Practice'], ['Postcode', p.postcode]]);
    },
  };

  function renderPatient(p, nhsNumber, tab) {
    document.title = p.family + ', ' + p.given + ' - ClinicalWorks';
    var onDate = p.deceased || todayIso();
    var meta = el('div', { class: 'pt-meta' }, [
      el('span', {}, ['DOB ' + slashDate(p.birthDate) + ' (' + ageYears(p.birthDate, onDate) + ' yrs)']),
      el('span', {}, [p.gender === 'female' ? 'Female' : 'Male']),
      el('span', {}, ['MRN ' + p.mrn]),
    ]);
    var close = el('button', { type: 'button', class: 'close-patient' }, ['Close patient']);
    close.addEventListener('click', function () { navigate('/app'); });
    var actions = el('div', { class: 'pt-actions' }, [close]);
    if (p.launch) {
      var launch = el('button', { type: 'button', class: 'launch-app' }, ['Launch fhirside']);
      launch.addEventListener('click', function () {
        document.dispatchEvent(new CustomEvent('cw:launch', { detail: p.launch }));
      });
      actions.prepend(launch);
    }
    var header = el('section', {
      class: 'pt-header' + (p.deceased ? ' deceased' : ''),
      'data-nhs-number': nhsNumber,
      'data-birth-date': p.birthDate,
    }, [el('div', {}, [el('div', { class: 'pt-name' }, [displayName(p)]), meta]), actions]);

    var panel = el('div', { class: 'tab-panel', role: 'tabpanel' }, [TABS[tab](p)]);
    var tabs = el('div', { class: 'tabs', role: 'tablist' }, Object.keys(TABS).map(function (name) {
      var button = el('button', { type: 'button', role: 'tab', 'aria-selected': String(name === tab) }, [name]);
      button.addEventListener('click', function () { renderPatient(p, nhsNumber, name); });
      return button;
    }));
    view.replaceChildren(header, tabs, panel);

    recent = [p.path].concat(recent.filter(function (path) { return path !== p.path; })).slice(0, 5);
    renderRecent();
  }

  function renderMissing() {
    document.title = 'Not found - ClinicalWorks';
    view.replaceChildren(
      el('h1', {}, ['Patient not found']),
      el('p', {}, [el('a', { href: '/app', 'data-route': '' }, ['Back to my patients'])])
    );
  }

  function render() {
    var path = location.pathname.replace(/\/+$/, '') || '/app';
    var match = ROUTE.exec(path);
    var patient = byPath.get(path);
    if (path === '/app') renderList();
    else if (match && patient) renderPatient(patient, match[1], 'Overview');
    else renderMissing();
    announce(match && patient ? patient : null, match ? match[1] : null);
  }

  function navigate(path) {
    if (path !== location.pathname) history.pushState(null, '', path);
    render();
  }

  document.addEventListener('click', function (event) {
    var anchor = event.target instanceof Element ? event.target.closest('a[data-route]') : null;
    if (!anchor || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(anchor.getAttribute('href'));
  });
  window.addEventListener('popstate', render);

  renderRecent();
  render();
})();
