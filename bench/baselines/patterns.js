// The ways other SMART apps fetch a record, run in the bench's browser page with fhirclient's own
// browser build (window.FHIR). Plain JavaScript: it is evaluated in the page as it stands.
// Each source is a separate server, so every pattern works on the sources side by side; what
// differs is how each pattern walks one server's resource types and pages.
(function () {
  'use strict';

  function clientFor(source) {
    return window.FHIR.client({ serverUrl: source.base, tokenResponse: { access_token: source.token, token_type: 'bearer' } });
  }

  function withCount(url, count) {
    var parts = url.split('?');
    var params = new URLSearchParams(parts[1] || '');
    if (count === undefined) params.delete('_count');
    else params.set('_count', String(count));
    var query = params.toString();
    return query ? parts[0] + '?' + query : parts[0];
  }

  function entriesOf(bundle) {
    return (bundle && bundle.entry) || [];
  }

  // Patient by NHS number first, as every pattern must.
  function resolvePatient(client, source) {
    return client.request('Patient?identifier=' + encodeURIComponent(source.identifier)).then(function (bundle) {
      var entry = entriesOf(bundle)[0];
      return entry ? entry.resource.id : undefined;
    });
  }

  function queriesFor(source, patientId) {
    return source.queries.map(function (q) {
      return { type: q.type, url: q.url.replace('PATIENT_ID', encodeURIComponent(patientId)) };
    });
  }

  // (a) One request per resource type, one after another, following every page at the server's
  // own page size (fhirclient `pageLimit: 0`): the pattern of most SMART app tutorials.
  function sequential(source) {
    var client = clientFor(source);
    return resolvePatient(client, source).then(function (id) {
      var counts = {};
      if (!id) return counts;
      return queriesFor(source, id).reduce(function (chain, q) {
        return chain.then(function () {
          return client.request(withCount(q.url, undefined), { pageLimit: 0, flat: true }).then(function (rs) {
            counts[q.type] = rs.length;
          });
        });
      }, Promise.resolve()).then(function () { return counts; });
    });
  }

  // (b) Every type at once, first page of 100 only: what popular FHIR UI kits render.
  function firstHundred(source) {
    var client = clientFor(source);
    return resolvePatient(client, source).then(function (id) {
      var counts = {};
      var missed = {};
      if (!id) return { counts: counts, missed: missed };
      return Promise.all(queriesFor(source, id).map(function (q) {
        return client.request(withCount(q.url, 100), { pageLimit: 1 }).then(function (bundle) {
          counts[q.type] = entriesOf(bundle).length;
          var total = typeof bundle.total === 'number' ? bundle.total : counts[q.type];
          missed[q.type] = total - counts[q.type];
        });
      })).then(function () { return { counts: counts, missed: missed }; });
    });
  }

  // (c) Every type at once with the server's largest page (1000), following `next`.
  function parallelLargePages(source) {
    var client = clientFor(source);
    return resolvePatient(client, source).then(function (id) {
      var counts = {};
      if (!id) return counts;
      return Promise.all(queriesFor(source, id).map(function (q) {
        return client.request(withCount(q.url, 1000), { pageLimit: 0, flat: true }).then(function (rs) {
          counts[q.type] = rs.length;
        });
      })).then(function () { return counts; });
    });
  }

  var PATTERNS = { a: sequential, b: firstHundred, c: parallelLargePages };

  window.fhirsideBaselines = {
    // Runs one pattern over every source; resolves with the time taken and what came back.
    run: function (pattern, sources) {
      var started = performance.now();
      return Promise.all(sources.map(function (s) { return PATTERNS[pattern](s); })).then(function (results) {
        var ms = performance.now() - started;
        var out = { ms: ms, resources: 0, missed: 0, missedByType: {} };
        results.forEach(function (r) {
          var counts = r.counts || r;
          Object.keys(counts).forEach(function (t) { out.resources += counts[t]; });
          Object.keys(r.missed || {}).forEach(function (t) {
            out.missed += r.missed[t];
            if (r.missed[t] > 0) out.missedByType[t] = (out.missedByType[t] || 0) + r.missed[t];
          });
        });
        return out;
      });
    },
  };
})();
