/*
 * test_rep_graph: the graph report: a node per contact (written, implicit,
 * the owner) with its roles, an edge per referral with ids and names, and
 * the same rows drawn by JSON and DOT (also for a command that did not
 * ask for the graph).
 */
#include "testlib.h"

#include "refgraph/render.h"

static const char *const files[] = {
	"people/Ann.md",
	"---\nrole: [partner, Client]\n---\n",
	"people/Me.md",
	"---\nrole: consultant\n---\n",
	"refs.yaml",
	"- from: Ann\n  prospect: Bo\n  date: 2026-10-01\n  status: won\n"
	"  value: 300\n"
	"- from: Ann\n  prospect: Cy\n  to: Di\n",
	NULL};

static void test_rows(void **state)
{
	(void)state;
	vault v;
	vault_build(&v, "Me", files);
	rg_report r = {0};
	rg_report_graph(&r, &v.g, NULL);
	assert_true(r.has_graph);
	assert_int_equal(r.nodes.n, v.g.contacts.n);
	int ann = contact(&v.g, "Ann"), me = contact(&v.g, "Me");
	int bo = contact(&v.g, "Bo"), di = contact(&v.g, "Di");
	const rg_node_row *n = &r.nodes.v[ann];
	assert_int_equal(n->id, ann);
	assert_int_equal(n->nroles, 2);
	assert_string_equal(n->roles[0], "partner");
	assert_string_equal(n->roles[1], "client");
	assert_false(n->implicit);
	assert_false(n->owner);
	n = &r.nodes.v[me];
	assert_true(n->owner);
	assert_false(n->implicit);
	assert_string_equal(n->roles[0], "consultant");
	n = &r.nodes.v[bo];
	assert_true(n->implicit);
	assert_int_equal(n->nroles, 0);
	assert_string_equal(n->file, "refs.yaml");
	assert_int_equal(r.edges.n, 2);
	const rg_edge_row *e = &r.edges.v[0];
	assert_int_equal(e->source, ann);
	assert_int_equal(e->prospect, bo);
	assert_int_equal(e->receiver, me);
	assert_string_equal(e->receiver_name, "Me");
	assert_true(e->to_me);
	assert_true(e->has_value);
	assert_int_equal(e->status, RG_ST_WON);
	e = &r.edges.v[1];
	assert_int_equal(e->receiver, di);
	assert_false(e->to_me);
	assert_false(e->has_value);
	assert_int_equal(e->line, 6);
	rg_report_free(&r);
	vault_free(&v);
}

static char *draw(const char *fmt, const rg_report *r, const rg_graph *g)
{
	rg_render_opts o = {0};
	o.ahead = -1;
	o.since = RG_NODATE;
	rg_buf b = {0};
	rg_renderer(fmt)(&b, r, g, &o);
	return b.s ? b.s : strdup("");
}

static void test_json(void **state)
{
	(void)state;
	vault v;
	vault_build(&v, "Me", files);
	rg_report r = {0};
	r.today = day("2026-11-22");
	rg_report_graph(&r, &v.g, NULL);
	char *s = draw("json", &r, &v.g);
	assert_non_null(strstr(s, "\"roles\": \"partner, client\", "
				  "\"implicit\": false, \"owner\": false"));
	assert_non_null(strstr(s, "\"name\": \"Bo\", \"roles\": null, "
				  "\"implicit\": true"));
	assert_non_null(strstr(s, "\"receiver\": \"Di\""));
	/* an undated referral, with no value */
	assert_non_null(strstr(s, "\"date\": null, \"status\": \"new\", "
				  "\"value\": null"));
	assert_non_null(strstr(s, "\"value\": 300,"));
	assert_null(strstr(s, "followups"));
	free(s);
	rg_report_free(&r);
	vault_free(&v);
}

/* An owner named only by `me`: no place, null in JSON. */
static void test_owner_unwritten(void **state)
{
	(void)state;
	static const char *const few[] = {"r.yaml", "from: Ann\nprospect: Bo\n",
					  NULL};
	vault v;
	vault_build(&v, "Pat", few);
	rg_report r = {0};
	r.today = day("2026-11-22");
	rg_report_graph(&r, &v.g, NULL);
	char *s = draw("json", &r, &v.g);
	assert_non_null(strstr(s, "\"name\": \"Pat\", \"roles\": null, "
				  "\"implicit\": false, \"owner\": true, "
				  "\"file\": null, \"line\": null"));
	free(s);
	s = draw("text", &r, &v.g);
	assert_null(strstr(s, "(null)"));
	free(s);
	rg_report_free(&r);
	vault_free(&v);
}

/* DOT draws the same rows whether the command asked for the graph. */
static void test_dot_same(void **state)
{
	(void)state;
	vault v;
	vault_build(&v, "Me", files);
	rg_report graph = {0}, other = {0};
	rg_report_graph(&graph, &v.g, NULL);
	other.has_followups = true;
	char *a = draw("dot", &graph, &v.g), *b = draw("dot", &other, &v.g);
	assert_string_equal(a, b);
	/* Ann -> Cy, and Cy's receiver Di dashed */
	char want[64];
	snprintf(want, sizeof want, "n%d -> n%d [style=dashed]",
		 contact(&v.g, "Cy"), contact(&v.g, "Di"));
	assert_non_null(strstr(a, want));
	free(a);
	free(b);
	rg_report_free(&graph);
	vault_free(&v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_owner_unwritten),
		cmocka_unit_test(test_dot_same),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
