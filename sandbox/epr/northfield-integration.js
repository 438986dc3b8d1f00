// Northfield ClinicalWorks integrations, served at /integration.js: publishes the patient on
// screen to the FHIRcast hub (patient-open / patient-close, as a FHIRcast context-change request)
// and launches fhirside with SMART EHR launch. Wiring comes from the #cw-integration JSON island.
(function () {
  'use strict';

  var wiring = JSON.parse(document.getElementById('cw-integration').textContent);
  var NHS = 'https://fhir.nhs.uk/Id/nhs-number';

  function eventId() {
    return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 10);
  }

  function patientResource(p, nhsNumber) {
    return {
      resourceType: 'Patient',
      id: p.launch ? p.launch.patient : undefined,
      identifier: [{ system: NHS, value: nhsNumber }],
      name: [{ family: p.family, given: [p.given] }],
      gender: p.gender,
      birthDate: p.birthDate,
    };
  }

  function publish(eventName, resource, leaving) {
    if (!wiring.fhircast) return;
    var body = {
      timestamp: new Date().toISOString(),
      id: eventId(),
      event: { 'hub.topic': wiring.fhircast.topic, 'hub.event': eventName, context: [{ key: 'patient', resource: resource }] },
    };
    // A page being closed sends a simple (text/plain) request that may outlive it; the hub reads it as JSON.
    var headers = { 'Content-Type': leaving ? 'text/plain' : 'application/json' };
    fetch(wiring.fhircast.hubUrl, { method: 'POST', headers: headers, body: JSON.stringify(body), keepalive: !!leaving })
      .catch(function () { /* The EPR works on without the hub; the hub is an extra. */ });
  }

  var lastResource = null;
  document.addEventListener('cw:patient-open', function (event) {
    lastResource = patientResource(event.detail.patient, event.detail.nhsNumber);
    publish('patient-open', lastResource);
  });
  document.addEventListener('cw:patient-close', function () {
    if (lastResource) publish('patient-close', lastResource);
    lastResource = null;
  });

  // Closing the EPR tab closes its patient in the session too.
  window.addEventListener('pagehide', function () {
    if (lastResource) publish('patient-close', lastResource, true);
    lastResource = null;
  });

  // SMART EHR launch: mint a launch id for this patient, then open the app's launch URL with it.
  document.addEventListener('cw:launch', function (event) {
    if (!wiring.launch) return;
    var target = event.detail;
    fetch(wiring.launch.authUrl + '/launch', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ patient: target.patient }) })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        window.open(wiring.launch.appLaunchUrl + '?iss=' + encodeURIComponent(target.iss) + '&launch=' + encodeURIComponent(answer.launch), 'fhirside-launch');
      })
      .catch(function () { /* No launch id: the EPR carries on without the app. */ });
  });
})();
