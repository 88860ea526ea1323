// Checks a probe's answer [obs: the {trace, data} envelope; 417 {trace, error} for a backend refusal]:
// HTTP 200 with data and the clientTransId echoed, or — the probe's data being made up — a BUSINESS
// refusal (417), which shows the gateway, token and signature were accepted. A path the profile only
// assumes (marker [?]) may be unknown to OCB's gateway (404): name your own with --probes.
const unconfirmedPath = __UNCONFIRMED_PATH__;
pm.test("accepted: HTTP 200 {trace, data}, or 417 BUSINESS" + (unconfirmedPath ? ", or 404 (path not confirmed)" : ""), function () {
  if (unconfirmedPath && pm.response.code === 404) {
    return;
  }
  const answer = pm.response.json();
  if (pm.response.code === 417) {
    pm.expect(answer.error && answer.error.type, "error (" + JSON.stringify(answer.error) + ")").to.equal("BUSINESS");
    return;
  }
  pm.expect(pm.response.code, "HTTP status (" + pm.response.text() + ")").to.equal(200);
  pm.expect(answer.data, "data").to.be.an("object");
  pm.expect(answer.trace.clientTransId, "trace.clientTransId echoed").to.equal(pm.variables.get("clientTransId"));
});
