// The authorization matrix: every protected endpoint × every role (and a client, a delegate, an
// other client, a token, nobody) × own / other organization / other region / other client.
// The expectations are written out here by hand from the rules in docs/api.md, independently of
// src/access/policy.cpp; a request that is allowed answers with its endpoint's success status
// (or a harmless 404/409/412/422 the request is built to cause, so nothing changes), a denied one
// with 403, an anonymous one with 401.
#include <set>

#include "demo_world.hpp"

namespace allmende::testing {
namespace {

// Who is allowed: the actors the matrix lists for the endpoint, every signed-in person or token
// (routes on the caller's own data), or anyone at all (a link from an e-mail).
enum class Who { kByPolicy, kAnySignedIn, kAnyone };

struct Endpoint {
  std::string name;
  std::string route;  // "GET /api/v1/clients/{id}": the route it exercises
  std::string method;
  std::string path;
  std::string body;
  int allowed_status;
  std::vector<std::pair<std::string, std::string>> headers = {};
  Who who = Who::kByPolicy;
};

TEST(AuthorizationMatrix, EveryEndpointAnswersEveryActorAsThePolicySays) {
  DemoWorld w(true);  // demo mode: the demo staff need no second factor (tested in access_api_test)
  ASSERT_TRUE(w.server().started());
  const std::string aino = w.UserId("aino.virtanen"), ebba = w.UserId("ebba.lindqvist"),
                    jonas = w.UserId("jonas.mitarbeiter");
  const std::string region_a = w.RegionId("pirkanmaa"), region_b = w.RegionId("zollernalbkreis");
  const std::string provider = w.OrgId("Hervannan Kotisiivous Oy"), welfare = w.OrgId("Pirkanmaan hyvinvointialue"),
                    employer = w.OrgId("Muster Präzisionstechnik GmbH");
  // Two more people: an advisor of another region and the welfare area's organization admin.
  const std::string kb_id = w.AddOrganization(region_b, "integrator", "Pflegestützpunkt Balingen");
  ASSERT_FALSE(kb_id.empty());
  ASSERT_FALSE(w.AddStaff("advisor.b", kb_id, "advisor").empty());
  ASSERT_FALSE(w.AddStaff("orgadmin.w", welfare, "org_admin").empty());

  const std::string service = w.Id("SELECT id FROM services WHERE organization_id = '" + provider + "' LIMIT 1");
  ASSERT_FALSE(service.empty()) << "the demo provider has services";
  const std::string svc = "/api/v1/directory/services/" + service;
  const std::vector<std::pair<std::string, std::string>> stale{{"If-Match", "\"0\""}};
  // Orders of the demo region: Aino's weekly cleaning (scheduled, one visit made final here so that
  // no request changes it) and her window cleaning, made cancelled with its offer withdrawn.
  const std::string aino_order =
      w.Id("SELECT id FROM orders WHERE client_id = '" + aino +
           "' AND state = 'scheduled' AND EXISTS (SELECT 1 FROM visits v WHERE v.order_id = orders.id AND "
           "v.state = 'planned')");
  const std::string ended_order = w.Id("SELECT id FROM orders WHERE client_id = '" + aino + "' AND state = 'offered'");
  ASSERT_FALSE(aino_order.empty() || ended_order.empty()) << "the demo region has Aino's orders";
  w.db().Execute("UPDATE orders SET state = 'cancelled' WHERE id = '" + ended_order + "'");
  w.db().Execute("UPDATE order_offers SET state = 'withdrawn' WHERE order_id = '" + ended_order + "'");
  const std::string visit = w.Id("SELECT id FROM visits WHERE order_id = '" + aino_order + "' LIMIT 1");
  w.db().Execute("UPDATE visits SET state = 'confirmed' WHERE id = '" + visit + "'");
  const std::string agreement =
      w.Id("SELECT id FROM framework_agreements WHERE purchaser_id = '" + welfare + "' LIMIT 1");
  const std::string ord = "/api/v1/orders/" + aino_order, ended = "/api/v1/orders/" + ended_order,
                    vis = "/api/v1/visits/" + visit;
  const std::vector<Endpoint> endpoints{
      {"client record (assigned)", "GET /api/v1/clients/{id}", "GET", "/api/v1/clients/" + aino, "", 200},
      {"client record (unassigned)", "GET /api/v1/clients/{id}", "GET", "/api/v1/clients/" + ebba, "", 200},
      {"client record (other region)", "GET /api/v1/clients/{id}", "GET", "/api/v1/clients/" + jonas, "", 200},
      {"client update",
       "PATCH /api/v1/clients/{id}",
       "PATCH",
       "/api/v1/clients/" + aino,
       R"({"phone":"+358 40 123 4567"})",
       412,
       {{"If-Match", "\"0\""}}},
      {"client's access log", "GET /api/v1/me/access-log", "GET", "/api/v1/me/access-log?client_id=" + aino, "", 200},
      {"region access log (own)", "GET /api/v1/regions/{id}/access-log", "GET",
       "/api/v1/regions/" + region_a + "/access-log", "", 200},
      {"region access log (other)", "GET /api/v1/regions/{id}/access-log", "GET",
       "/api/v1/regions/" + region_b + "/access-log", "", 200},
      {"members (provider)", "GET /api/v1/organizations/{id}/members", "GET",
       "/api/v1/organizations/" + provider + "/members", "", 200},
      {"members (welfare area)", "GET /api/v1/organizations/{id}/members", "GET",
       "/api/v1/organizations/" + welfare + "/members", "", 200},
      {"members (employer, other region)", "GET /api/v1/organizations/{id}/members", "GET",
       "/api/v1/organizations/" + employer + "/members", "", 200},
      {"invite (provider)", "POST /api/v1/organizations/{id}/invitations", "POST",
       "/api/v1/organizations/" + provider + "/invitations", R"({"email":"new@example.fi","role":"no_such_role"})",
       422},
      {"invite (welfare area)", "POST /api/v1/organizations/{id}/invitations", "POST",
       "/api/v1/organizations/" + welfare + "/invitations", R"({"email":"new@example.fi","role":"no_such_role"})", 422},
      {"remove member (provider)", "DELETE /api/v1/organizations/{id}/members/{member_id}", "DELETE",
       "/api/v1/organizations/" + provider + "/members/mem_none", "", 404},
      {"tokens (provider)", "GET /api/v1/organizations/{id}/tokens", "GET",
       "/api/v1/organizations/" + provider + "/tokens", "", 200},
      {"new token (welfare area)", "POST /api/v1/organizations/{id}/tokens", "POST",
       "/api/v1/organizations/" + welfare + "/tokens", R"({"name":"x","scopes":[]})", 422},
      {"new region", "POST /api/v1/regions", "POST", "/api/v1/regions",
       R"({"code":"pirkanmaa","name":"Again","country":"FI"})", 422},
      {"delegation for a client", "POST /api/v1/clients/{id}/delegations", "POST",
       "/api/v1/clients/" + aino + "/delegations", R"({"delegate_email":"nobody@example.fi","scope":"everything"})",
       422},
      {"organization", "GET /api/v1/organizations/{id}", "GET", "/api/v1/organizations/" + provider, "", 200},
      {"new account", "POST /api/v1/users", "POST", "/api/v1/users",
       R"({"email":"aino.virtanen@allmende.demo","name":"Aino"})", 422},
      {"rename organization (provider)",
       "PATCH /api/v1/organizations/{id}",
       "PATCH",
       "/api/v1/organizations/" + provider,
       R"({"name":"Renamed Oy"})",
       412,
       {{"If-Match", "\"0\""}}},
      {"change a member's role (welfare area)", "PATCH /api/v1/organizations/{id}/members/{member_id}", "PATCH",
       "/api/v1/organizations/" + welfare + "/members/mem_none", R"({"role":"advisor"})", 404},
      // 21…
      {"new organization", "POST /api/v1/regions/{id}/organizations", "POST",
       "/api/v1/regions/" + region_a + "/organizations", R"({"kind":"shop","name":"X"})", 422},
      {"organizations of a region", "GET /api/v1/regions/{id}/organizations", "GET",
       "/api/v1/regions/" + region_a + "/organizations", "", 200},
      {"invitations (provider)", "GET /api/v1/organizations/{id}/invitations", "GET",
       "/api/v1/organizations/" + provider + "/invitations", "", 200},
      {"revoke an invitation (provider)", "DELETE /api/v1/organizations/{id}/invitations/{invitation_id}", "DELETE",
       "/api/v1/organizations/" + provider + "/invitations/inv_none", "", 404},
      {"revoke a token (provider)", "DELETE /api/v1/organizations/{id}/tokens/{token_id}", "DELETE",
       "/api/v1/organizations/" + provider + "/tokens/tok_none", "", 404},
      {"accept an invitation (a link from an e-mail)",
       "POST /api/v1/invitations/accept",
       "POST",
       "/api/v1/invitations/accept",
       R"({"token":"not-a-token","name":"N","password":"kesä-mökki-järvi-sauna"})",
       404,
       {},
       Who::kAnyone},
      {"my memberships", "GET /api/v1/me/memberships", "GET", "/api/v1/me/memberships", "", 200, {}, Who::kAnySignedIn},
      {"my delegations", "GET /api/v1/me/delegations", "GET", "/api/v1/me/delegations", "", 200, {}, Who::kAnySignedIn},
      {"end a delegation that is not one's own",
       "DELETE /api/v1/me/delegations/{id}",
       "DELETE",
       "/api/v1/me/delegations/dlg_none",
       "",
       404,
       {},
       Who::kAnySignedIn},
      {"grant a delegation (wrong scope)", "POST /api/v1/me/delegations", "POST", "/api/v1/me/delegations",
       R"({"delegate_email":"someone@example.fi","scope":"everything"})", 422},
      // 31…
      {"withdraw a delegation invitation that is not one's own",
       "DELETE /api/v1/me/delegation-invitations/{id}",
       "DELETE",
       "/api/v1/me/delegation-invitations/dli_none",
       "",
       404,
       {},
       Who::kAnySignedIn},
      {"accept a delegation (a link from an e-mail)",
       "POST /api/v1/delegations/accept",
       "POST",
       "/api/v1/delegations/accept",
       R"({"token":"not-a-token","name":"N","password":"kesä-mökki-järvi-sauna"})",
       404,
       {},
       Who::kAnyone},
      // 33…: the directory
      {"provider profile",
       "PATCH /api/v1/providers/{id}/profile",
       "PATCH",
       "/api/v1/providers/" + provider + "/profile",
       R"({"insurance":"x"})",
       412,
       {{"If-Match", "\"99\""}}},
      {"a provider's services", "GET /api/v1/providers/{id}/services", "GET",
       "/api/v1/providers/" + provider + "/services", "", 200},
      {"new service", "POST /api/v1/providers/{id}/services", "POST", "/api/v1/providers/" + provider + "/services",
       "{}", 422},
      {"service with its draft", "GET /api/v1/directory/services/{id}", "GET", svc, "", 200},
      {"service history", "GET /api/v1/directory/services/{id}/history", "GET", svc + "/history", "", 200},
      {"edit a draft", "PUT /api/v1/directory/services/{id}/draft", "PUT", svc + "/draft", "{}", 412, stale},
      {"submit for review", "POST /api/v1/directory/services/{id}/submit", "POST", svc + "/submit", "", 412, stale},
      {"withdraw from review", "POST /api/v1/directory/services/{id}/withdraw", "POST", svc + "/withdraw", "", 412,
       stale},
      // 41…
      {"archive", "POST /api/v1/directory/services/{id}/archive", "POST", svc + "/archive", "", 412, stale},
      {"publish", "POST /api/v1/directory/services/{id}/publish", "POST", svc + "/publish", "", 412, stale},
      {"request changes", "POST /api/v1/directory/services/{id}/request-changes", "POST", svc + "/request-changes",
       R"({"comment":"x"})", 412, stale},
      {"review queue", "GET /api/v1/directory/review-queue", "GET",
       "/api/v1/directory/review-queue?region_id=" + region_a, "", 200},
      {"upload an image (not one)", "POST /api/v1/providers/{id}/images", "POST",
       "/api/v1/providers/" + provider + "/images", "\"<svg onload=alert(1)>\"", 422},
      {"import a directory in HSDS (a service without anything)", "POST /api/v1/directory/hsds/import", "POST",
       "/api/v1/directory/hsds/import?region_id=" + region_a, R"({"contents":[{"name":"X Oy","services":[{}]}]})", 422},
      // 47…: funding and orders
      {"record a grant (unknown category)", "POST /api/v1/clients/{id}/grants", "POST",
       "/api/v1/clients/" + aino + "/grants",
       R"({"payer_id":")" + welfare +
           R"(","kind":"voucher","categories":["no_such"],"unit":"hour","quantity":60,"period":"month",)"
           R"("value_cents":100,"currency":"EUR","valid_from":"2030-01-01","decision_reference":"T/1"})",
       422},
      {"a client's grants", "GET /api/v1/clients/{id}/grants", "GET", "/api/v1/clients/" + aino + "/grants", "", 200},
      {"a funding quote", "POST /api/v1/clients/{id}/funding-quote", "POST",
       "/api/v1/clients/" + aino + "/funding-quote",
       R"({"category":"cleaning","date":"2030-01-01","price_cents":7800,"billable_minutes":120})", 200},
      {"set a rate (bad date)", "POST /api/v1/regions/{id}/funding-rates", "POST",
       "/api/v1/regions/" + region_a + "/funding-rates",
       R"({"key":"x","effective_from":"bad","amount":1,"unit":"cents","currency":"EUR","legal_basis":"x"})", 422},
      {"approve a provider (unknown category)", "POST /api/v1/organizations/{id}/voucher-approvals", "POST",
       "/api/v1/organizations/" + welfare + "/voucher-approvals",
       R"({"provider_id":")" + provider + R"(","category":"no_such"})", 422},
      {"record an agreement (unknown category)", "POST /api/v1/agreements", "POST", "/api/v1/agreements",
       R"({"purchaser_id":")" + welfare + R"(","provider_id":")" + provider +
           R"(","categories":["no_such"],"municipalities":["fi-837"],"languages":["fi"],"price_model":"hourly",)"
           R"("price_cents":3900,"weekly_capacity_minutes":600,"valid_from":"2030-01-01"})",
       422},
      {"a provider's agreements", "GET /api/v1/organizations/{id}/agreements", "GET",
       "/api/v1/organizations/" + provider + "/agreements", "", 200},
      {"end an agreement (stale)", "POST /api/v1/agreements/{id}/end", "POST",
       "/api/v1/agreements/" + agreement + "/end", R"({"valid_until":"2027-12-31"})", 412, stale},
      {"order (unknown category)", "POST /api/v1/orders", "POST", "/api/v1/orders",
       R"({"client_id":")" + aino + R"(","origin":"purchaser","purchaser_id":")" + welfare +
           R"(","category":"no_such","municipality_code":"fi-837","language":"fi","address":"Katu 1",)"
           R"("schedule":{"start_date":"2030-01-01"}})",
       422},
      {"an order", "GET /api/v1/orders/{id}", "GET", ord, "", 200},
      {"a client's orders", "GET /api/v1/clients/{id}/orders", "GET", "/api/v1/clients/" + aino + "/orders", "", 200},
      {"submit (not a draft)", "POST /api/v1/orders/{id}/submit", "POST", ord + "/submit", "", 409},
      {"cancel (already cancelled)", "POST /api/v1/orders/{id}/cancel", "POST", ended + "/cancel", "", 409},
      {"accept (offer withdrawn)", "POST /api/v1/orders/{id}/accept", "POST", ended + "/accept", "", 409},
      {"decline (offer withdrawn)", "POST /api/v1/orders/{id}/decline", "POST", ended + "/decline", "", 409},
      {"route by hand (cancelled)", "POST /api/v1/orders/{id}/route", "POST", ended + "/route", "", 409},
      {"assign (not a worker)", "POST /api/v1/orders/{id}/assign", "POST", ord + "/assign",
       R"({"worker_id":")" + aino + R"("})", 422},
      {"an order's messages", "GET /api/v1/orders/{id}/messages", "GET", ord + "/messages", "", 200},
      {"write a message (empty)", "POST /api/v1/orders/{id}/messages", "POST", ord + "/messages", R"({"body":""})",
       422},
      {"provider inbox", "GET /api/v1/organizations/{id}/offers", "GET",
       "/api/v1/organizations/" + provider + "/offers", "", 200},
      {"coordinators' board", "GET /api/v1/regions/{id}/board", "GET", "/api/v1/regions/" + region_a + "/board", "",
       200},
      {"check in (visit confirmed)", "POST /api/v1/visits/{id}/check-in", "POST", vis + "/check-in", "", 409},
      {"check out (visit confirmed)", "POST /api/v1/visits/{id}/check-out", "POST", vis + "/check-out", "", 409},
      {"not at home (visit confirmed)", "POST /api/v1/visits/{id}/not-at-home", "POST", vis + "/not-at-home", "", 409},
      {"confirm (already confirmed)", "POST /api/v1/visits/{id}/confirm", "POST", vis + "/confirm", "", 200},
      {"dispute (no reason)", "POST /api/v1/visits/{id}/dispute", "POST", vis + "/dispute", "", 422},
      {"a purchaser's clients", "GET /api/v1/organizations/{id}/clients", "GET",
       "/api/v1/organizations/" + welfare + "/clients", "", 200},
      {"an order as FHIR ServiceRequest", "GET /fhir/R4/ServiceRequest/{id}", "GET",
       "/fhir/R4/ServiceRequest/ord-" + aino_order.substr(4), "", 200},
      {"an order as FHIR Task", "GET /fhir/R4/Task/{id}", "GET", "/fhir/R4/Task/ord-" + aino_order.substr(4), "", 200},
      // 76…
      {"webhooks (provider)", "GET /api/v1/organizations/{id}/webhooks", "GET",
       "/api/v1/organizations/" + provider + "/webhooks", "", 200},
      {"new webhook (welfare area, not https)", "POST /api/v1/organizations/{id}/webhooks", "POST",
       "/api/v1/organizations/" + welfare + "/webhooks", R"({"url":"ftp://example.org/in"})", 422},
      {"remove a webhook (provider)", "DELETE /api/v1/organizations/{id}/webhooks/{webhook_id}", "DELETE",
       "/api/v1/organizations/" + provider + "/webhooks/whk_none", "", 404},
      {"test a webhook (provider)", "POST /api/v1/organizations/{id}/webhooks/{webhook_id}/ping", "POST",
       "/api/v1/organizations/" + provider + "/webhooks/whk_none/ping", "", 404},
      {"webhook deliveries (welfare area)", "GET /api/v1/organizations/{id}/webhook-deliveries", "GET",
       "/api/v1/organizations/" + welfare + "/webhook-deliveries", "", 200},
      {"replay a delivery (provider)", "POST /api/v1/organizations/{id}/webhook-deliveries/{delivery_id}/replay",
       "POST", "/api/v1/organizations/" + provider + "/webhook-deliveries/msg_none/replay", "", 404},
      {"my notifications", "GET /api/v1/notifications", "GET", "/api/v1/notifications", "", 200, {}, Who::kAnySignedIn},
      {"my unread count",
       "GET /api/v1/notifications/unread-count",
       "GET",
       "/api/v1/notifications/unread-count",
       "",
       200,
       {},
       Who::kAnySignedIn},
      {"mark my notifications read",
       "POST /api/v1/notifications/read",
       "POST",
       "/api/v1/notifications/read",
       R"({"all":true})",
       200,
       {},
       Who::kAnySignedIn},
      // 85: the advice desk's registry (issue 20)
      {"register a client (no name)", "POST /api/v1/regions/{id}/clients", "POST",
       "/api/v1/regions/" + region_a + "/clients", R"({"name":""})", 422},
      {"search clients", "POST /api/v1/regions/{id}/clients/search", "POST",
       "/api/v1/regions/" + region_a + "/clients/search", R"({"q":"aino"})", 200},
      {"look-alikes of a person", "POST /api/v1/regions/{id}/clients/look-alikes", "POST",
       "/api/v1/regions/" + region_a + "/clients/look-alikes", R"({"name":"Aino Virtanen","birth_date":"1942-03-14"})",
       200},
      {"reveal Aino's identity code", "POST /api/v1/clients/{id}/identity-code/reveal", "POST",
       "/api/v1/clients/" + aino + "/identity-code/reveal", "", 200},
      // 89
      {"advice topics", "GET /api/v1/advice-topics", "GET", "/api/v1/advice-topics", "", 200, {}, Who::kAnySignedIn},
      {"Aino's advice contacts", "GET /api/v1/clients/{id}/contacts", "GET", "/api/v1/clients/" + aino + "/contacts",
       "", 200},
      {"note a call (unknown channel)", "POST /api/v1/clients/{id}/contacts", "POST",
       "/api/v1/clients/" + aino + "/contacts",
       R"({"channel":"fax","topics":["other"],"duration_minutes":1,"outcome":"informed"})", 422},
      {"Aino's consents", "GET /api/v1/clients/{id}/consents", "GET", "/api/v1/clients/" + aino + "/consents", "", 200},
      {"withdraw a consent (none)", "POST /api/v1/clients/{id}/consents/{consent_id}/withdraw", "POST",
       "/api/v1/clients/" + aino + "/consents/cns_none/withdraw", "", 404},
      // 94
      {"merge a record into itself", "POST /api/v1/clients/{id}/merge", "POST", "/api/v1/clients/" + aino + "/merge",
       R"({"duplicate_id":")" + aino + R"("})", 422},
      // 95: needs assessment
      {"the region's assessment forms",
       "GET /api/v1/regions/{id}/assessment-forms",
       "GET",
       "/api/v1/regions/" + region_a + "/assessment-forms",
       "",
       200,
       {},
       Who::kAnySignedIn},
      {"an assessment form (none)",
       "GET /api/v1/assessment-forms/{id}",
       "GET",
       "/api/v1/assessment-forms/asf_none",
       "",
       404,
       {},
       Who::kAnySignedIn},
      {"publish an assessment form (empty)", "POST /api/v1/regions/{id}/assessment-forms", "POST",
       "/api/v1/regions/" + region_a + "/assessment-forms", R"({"code":"x","title":{},"questions":[]})", 422},
      {"Aino's assessments", "GET /api/v1/clients/{id}/assessments", "GET", "/api/v1/clients/" + aino + "/assessments",
       "", 200},
      {"assess Aino (unknown form)", "POST /api/v1/clients/{id}/assessments", "POST",
       "/api/v1/clients/" + aino + "/assessments", R"({"form_id":"asf_none","answers":{}})", 422},
      // 100: follow-up tasks
      {"a task about Aino (no title)", "POST /api/v1/clients/{id}/tasks", "POST", "/api/v1/clients/" + aino + "/tasks",
       R"({"title":"","due_date":"2030-01-01"})", 422},
      {"Aino's tasks", "GET /api/v1/clients/{id}/tasks", "GET", "/api/v1/clients/" + aino + "/tasks", "", 200},
      {"mark a task done (none)",
       "POST /api/v1/tasks/{id}/done",
       "POST",
       "/api/v1/tasks/tsk_none/done",
       "",
       404,
       {},
       Who::kAnySignedIn},
      {"the region's overdue tasks", "GET /api/v1/regions/{id}/overdue-tasks", "GET",
       "/api/v1/regions/" + region_a + "/overdue-tasks", "", 200},
      // 104: referrals to the purchaser
      {"refer Aino (unknown purchaser)", "POST /api/v1/clients/{id}/referrals", "POST",
       "/api/v1/clients/" + aino + "/referrals", R"({"purchaser_id":"org_none","category":"cleaning","reason":"x"})",
       422},
      {"Aino's referrals", "GET /api/v1/clients/{id}/referrals", "GET", "/api/v1/clients/" + aino + "/referrals", "",
       200},
      {"the welfare area's referral queue", "GET /api/v1/organizations/{id}/referrals", "GET",
       "/api/v1/organizations/" + welfare + "/referrals", "", 200},
      {"decide a referral (none)",
       "POST /api/v1/referrals/{id}/decide",
       "POST",
       "/api/v1/referrals/ref_none/decide",
       R"({"outcome":"declined","note":"x"})",
       404,
       {},
       Who::kAnySignedIn},
      // 108: the service plan
      {"Aino's service plan", "GET /api/v1/clients/{id}/plan", "GET", "/api/v1/clients/" + aino + "/plan", "", 200},
      {"add to Aino's plan (unknown kind)", "POST /api/v1/clients/{id}/plan/items", "POST",
       "/api/v1/clients/" + aino + "/plan/items", R"({"kind":"wish","goal":"x","follow_up_date":"2030-01-01"})", 422},
      {"change a plan item (none)",
       "PATCH /api/v1/plan-items/{id}",
       "PATCH",
       "/api/v1/plan-items/pln_none",
       R"({"goal":"x"})",
       404,
       {{"If-Match", "\"1\""}},
       Who::kAnySignedIn},
      {"end a plan item (none)",
       "POST /api/v1/plan-items/{id}/end",
       "POST",
       "/api/v1/plan-items/pln_none/end",
       "",
       404,
       {{"If-Match", "\"1\""}},
       Who::kAnySignedIn},
      {"take a plan item up again (none)",
       "POST /api/v1/plan-items/{id}/resume",
       "POST",
       "/api/v1/plan-items/pln_none/resume",
       "",
       404,
       {{"If-Match", "\"1\""}},
       Who::kAnySignedIn},
      // 113: billing runs
      {"the welfare area's billing runs", "GET /api/v1/organizations/{id}/billing-runs", "GET",
       "/api/v1/organizations/" + welfare + "/billing-runs", "", 200},
      {"bill a month that has not ended", "POST /api/v1/organizations/{id}/billing-runs", "POST",
       "/api/v1/organizations/" + welfare + "/billing-runs", R"({"period":"2099-01"})", 422},
      {"a billing run (none)",
       "GET /api/v1/billing-runs/{id}",
       "GET",
       "/api/v1/billing-runs/brun_none",
       "",
       404,
       {},
       Who::kAnySignedIn},
      {"collect a billing run again (none)",
       "POST /api/v1/billing-runs/{id}/collect",
       "POST",
       "/api/v1/billing-runs/brun_none/collect",
       "",
       404,
       {{"If-Match", "\"1\""}},
       Who::kAnySignedIn},
      {"lock a billing run (none)",
       "POST /api/v1/billing-runs/{id}/lock",
       "POST",
       "/api/v1/billing-runs/brun_none/lock",
       "",
       404,
       {{"If-Match", "\"1\""}},
       Who::kAnySignedIn},
      {"discard a billing run (none)",
       "POST /api/v1/billing-runs/{id}/discard",
       "POST",
       "/api/v1/billing-runs/brun_none/discard",
       "",
       404,
       {{"If-Match", "\"1\""}},
       Who::kAnySignedIn},
      {"a billing run's lines (none)",
       "GET /api/v1/billing-runs/{id}/lines",
       "GET",
       "/api/v1/billing-runs/brun_none/lines",
       "",
       404,
       {},
       Who::kAnySignedIn},
      {"a billing run as CSV (none)",
       "GET /api/v1/billing-runs/{id}/export.csv",
       "GET",
       "/api/v1/billing-runs/brun_none/export.csv",
       "",
       404,
       {},
       Who::kAnySignedIn},
      // 121: feedback and complaints
      {"a visit's rating", "GET /api/v1/visits/{id}/rating", "GET", vis + "/rating", "", 200},
      {"rate a visit (no stars)", "PUT /api/v1/visits/{id}/rating", "PUT", vis + "/rating", R"({"stars":0})", 422},
      {"file a complaint about Aino (no description)", "POST /api/v1/quality-cases", "POST", "/api/v1/quality-cases",
       R"({"kind":"complaint","category":"other","severity":"low","description":"","client_id":")" + aino + R"("})",
       422},
      {"my cases",
       "GET /api/v1/quality-cases/mine",
       "GET",
       "/api/v1/quality-cases/mine",
       "",
       200,
       {},
       Who::kAnySignedIn},
      {"the region's cases", "GET /api/v1/regions/{id}/quality-cases", "GET",
       "/api/v1/regions/" + region_a + "/quality-cases", "", 200},
      {"the cases about a provider", "GET /api/v1/organizations/{id}/quality-cases", "GET",
       "/api/v1/organizations/" + provider + "/quality-cases", "", 200},
      {"a provider's ratings", "GET /api/v1/providers/{id}/ratings", "GET",
       "/api/v1/providers/" + provider + "/ratings", "", 200},
      {"a case (none)",
       "GET /api/v1/quality-cases/{id}",
       "GET",
       "/api/v1/quality-cases/qca_none",
       "",
       404,
       {},
       Who::kAnySignedIn},
      {"move a case (none)",
       "POST /api/v1/quality-cases/{id}/transition",
       "POST",
       "/api/v1/quality-cases/qca_none/transition",
       R"({"to":"closed"})",
       404,
       {{"If-Match", "\"1\""}},
       Who::kAnySignedIn},
      {"assign a case (none)",
       "POST /api/v1/quality-cases/{id}/assign",
       "POST",
       "/api/v1/quality-cases/qca_none/assign",
       R"({"assignee_id":"usr_none"})",
       404,
       {{"If-Match", "\"1\""}},
       Who::kAnySignedIn},
      {"write on a case (none)",
       "POST /api/v1/quality-cases/{id}/messages",
       "POST",
       "/api/v1/quality-cases/qca_none/messages",
       R"({"body":"x"})",
       404,
       {},
       Who::kAnySignedIn},
      {"attach a file to a case (none)",
       "POST /api/v1/quality-cases/{id}/attachments",
       "POST",
       "/api/v1/quality-cases/qca_none/attachments",
       "{}",
       404,
       {},
       Who::kAnySignedIn},
      {"a case's file (none)",
       "GET /api/v1/quality-attachments/{id}",
       "GET",
       "/api/v1/quality-attachments/qat_none",
       "",
       404,
       {},
       Who::kAnySignedIn},
      // 134: a provider's statements, a client's own shares
      {"a provider's billing statements", "GET /api/v1/organizations/{id}/billing-statements", "GET",
       "/api/v1/organizations/" + provider + "/billing-statements", "", 200},
      {"a billing statement (none)", "GET /api/v1/organizations/{id}/billing-statements/{run_id}", "GET",
       "/api/v1/organizations/" + provider + "/billing-statements/brun_none", "", 404},
      {"a billing statement's lines (none)", "GET /api/v1/organizations/{id}/billing-statements/{run_id}/lines", "GET",
       "/api/v1/organizations/" + provider + "/billing-statements/brun_none/lines", "", 404},
      {"a client's own billing shares", "GET /api/v1/clients/{id}/billing-shares", "GET",
       "/api/v1/clients/" + aino + "/billing-shares", "", 200},
      {"a billing run as XLSX (none)",
       "GET /api/v1/billing-runs/{id}/export.xlsx",
       "GET",
       "/api/v1/billing-runs/brun_none/export.xlsx",
       "",
       404,
       {},
       Who::kAnySignedIn},
  };
  // Who may do what, by endpoint index (see the list above).
  const std::vector<std::pair<std::string, std::set<int>>> actors{
      {"", {}},  // nobody signed in
      {"aino.virtanen",
       {0,  3,  4,  16, 17, 22, 30, 48, 49, 55,  56,  57,  58,  59,  64, 65,
        71, 72, 74, 75, 88, 92, 93, 98, 99, 105, 108, 121, 122, 123, 137}},  // the client: her own record, log,
                                                                             // delegations
      {"ebba.lindqvist", {1, 17, 22, 30}},                                   // another client
      {"liisa.virtanen", {0,  3,  4,  17, 22, 48, 49, 55, 56,  57,  58,  59,  64,  65,
                          71, 72, 74, 75, 92, 93, 98, 99, 105, 108, 121, 122, 123, 137}},  // Aino's delegate
      {"mikko.neuvoja", {0,  1,  3,  16, 17, 22, 48, 49, 55, 56, 57,  58,  59,  64,  65,  73,  74, 75,
                         85, 86, 87, 88, 90, 91, 92, 93, 98, 99, 100, 101, 104, 105, 108, 109, 123}},  // advisor
      {"outi.koordinaattori", {0,  1,  17, 22, 34, 36, 37,  42,  43,  44,  46,  48,  49,  53,  55, 56,
                               57, 58, 59, 62, 64, 65, 67,  73,  74,  75,  85,  86,  87,  88,  90, 91,
                               92, 93, 94, 97, 98, 99, 100, 101, 103, 104, 105, 108, 109, 123, 125}},  // coordinator
      {"sari.tilaaja",
       {0,  17, 22, 47, 48, 49, 51, 52,  54,  55,  56,  57, 58,
        59, 64, 65, 73, 74, 75, 88, 105, 106, 113, 114, 123}},  // purchaser officer of the area paying for Aino
      {"kirsi.tietosuoja", {5, 17, 22, 113}},                   // auditor of region A
      // admin of Aino's provider
      {"jussi.siivous",
       {0,  7,  10, 12, 13, 17, 19, 22, 23, 24, 25, 33, 34, 35, 36, 37, 38,  39,  40,  41,  45,  53, 56,
        57, 60, 61, 63, 64, 65, 66, 68, 69, 70, 74, 75, 76, 78, 79, 81, 123, 126, 127, 134, 135, 136}},
      {"aleksi.tyontekija",
       {0, 17, 22, 34, 36, 37, 56, 57, 64, 65, 68, 69, 70, 74, 75, 123}},  // worker of Aino's provider
      {"hanna.vapaaehtoinen", {17, 22}},                                   // admin of another provider
      {"tuomas.hr", {17, 22}},                                             // employer HR, other region
      {"jonas.mitarbeiter", {2, 17, 22, 30}},           // employee, a client in the other region (grants too)
      {"advisor.b", {2, 17, 22}},                       // advisor of the other region
      {"orgadmin.w", {8, 11, 14, 17, 20, 22, 77, 80}},  // organization admin of the welfare area
      // platform admin: no client data
      {"pia.admin", {7, 8, 9, 10, 11, 12, 15, 17, 18, 19, 20, 21, 22, 23, 24, 33, 34, 36, 37, 46, 50}},
      // the provider's API token with organization.read, members.read, clients.read
      {"token", {0, 7, 17, 23}},
  };

  Session jussi = w.SignIn("jussi.siivous");
  auto token = w.Call(jussi, "POST", "/api/v1/organizations/" + provider + "/tokens",
                      R"({"name":"ERP","scopes":["organization.read","members.read","clients.read"]})");
  ASSERT_EQ(token->status, 201) << token->body;
  std::string secret(boost::json::parse(token->body).at("token").as_string());

  int combinations = 0;
  std::vector<std::string> wrong;
  for (const auto& [actor, allowed] : actors) {
    Session s;
    if (!actor.empty() && actor != "token") s = w.SignIn(actor);
    for (std::size_t i = 0; i < endpoints.size(); ++i) {
      const Endpoint& e = endpoints[i];
      auto headers = e.headers;
      if (!e.body.empty()) headers.emplace_back("Content-Type", "application/json");
      if (actor == "token") headers.emplace_back("Authorization", "Bearer " + secret);
      if (!s.cookie.empty()) {
        headers.emplace_back("Cookie", s.cookie);
        headers.emplace_back("X-CSRF-Token", s.csrf);
      }
      auto r = Fetch(w.port(), e.method, e.path, headers, e.body);
      bool may = e.who == Who::kAnyone || (e.who == Who::kAnySignedIn && !actor.empty()) ||
                 allowed.count(static_cast<int>(i)) > 0;
      int expected = may ? e.allowed_status : actor.empty() ? 401 : 403;
      // A link from an e-mail is for a person: an API token is refused as not signed in as one.
      if (e.who == Who::kAnyone && actor == "token") expected = 401;
      ++combinations;
      if (!r || r->status != expected) {
        wrong.push_back((actor.empty() ? "nobody" : actor) + " × " + e.name + ": expected " + std::to_string(expected) +
                        ", got " + (r ? std::to_string(r->status) + " " + r->body.substr(0, 160) : "no answer"));
      }
    }
  }
  for (const auto& line : wrong) ADD_FAILURE() << line;
  std::cout << "authorization matrix: " << combinations << " combinations (" << endpoints.size() << " endpoints × "
            << actors.size() << " actors), " << wrong.size() << " wrong\n";
  EXPECT_EQ(combinations, static_cast<int>(endpoints.size() * actors.size()));

  // Every route that is not public is in the matrix (and the public invitation link too): a new
  // endpoint without a line here fails this test.
  std::set<std::string> covered, routed;
  for (const auto& e : endpoints) covered.insert(e.route);
  const auto declared = DeclaredRoutes();
  for (const auto& r : declared) routed.insert(r.Name());
  for (const auto& r : declared) {
    if (r.access == "public") continue;
    if (r.access == "signed_in" && (r.pattern.starts_with("/api/v1/me") || r.pattern.starts_with("/api/v1/auth/") ||
                                    r.pattern == "/api/v1/events")) {
      continue;  // the caller's own account and session: identity_api_test and access_api_test
    }
    EXPECT_TRUE(covered.count(r.Name())) << r.Name() << " (" << r.access << " " << r.action
                                         << ") is not in the authorization matrix";
  }
  for (const auto& name : covered) EXPECT_TRUE(routed.count(name)) << name << " is in the matrix but not routed";
}

}  // namespace
}  // namespace allmende::testing
