// The password grant's answer [obs]: HTTP 200 with access_token, kept in the environment for the calls after it.
pm.test("HTTP 200 with an access_token", function () {
  pm.response.to.have.status(200);
  const answer = pm.response.json();
  pm.expect(answer.access_token, "access_token (error: " + answer.error + ")").to.be.a("string").and.not.empty;
  pm.environment.set("accessToken", answer.access_token);
});
