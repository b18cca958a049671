/*
 * graph: records -> the referral graph.  Resolves every reference to a
 * contact (written, implicit, or the owner), turns the many mentions of
 * one introduction into one referral by the merge rules, and computes
 * each contact's touches.  Everything here is computed once per run and
 * is the same whatever the report day.
 */
#ifndef REFGRAPH_GRAPH_H
#define REFGRAPH_GRAPH_H

#include <stdbool.h>

#include "refgraph/config.h"
#include "refgraph/notes.h"

typedef struct rg_contact {
	const char *name; /* display name */
	bool written, owner;
	int file, line, col; /* the record's place, or the first mention's */
	bool client, former_client, has_source, has_reward;
	int since, follow_days;
	int last_touch;	 /* RG_NODATE: never touched */
	int first_touch; /* earliest touch that is not a referral date */
} rg_contact;

typedef struct rg_referral {
	int src, pro, rcv; /* contact indices */
	int date;	   /* RG_NODATE: undated */
	int file, line;	   /* its place */
	rg_status status;
	int closed;
	double value;
	bool has_value;
	rg_refkind kind;
	bool rewarded;
	int thanked, informed;
	bool to_me; /* receiver the owner, source not */
} rg_referral;

typedef struct rg_gtask {
	int file, line;
	bool done;
	const char *text; /* the task's text */
	int due, done_date;
	int contact; /* -1: none */
} rg_gtask;

/* A dated event about one contact: an ask (asked::) or a testimonial. */
typedef struct rg_event {
	int contact;
	int date;
} rg_event;

typedef struct rg_graph_stats {
	size_t files, notes, contacts, implicit, interactions, mentions,
		referrals, tasks;
} rg_graph_stats;

typedef struct rg_graph {
	const rg_notes *notes;	       /* for paths; not owned */
	RG_VEC(rg_contact) contacts;   /* written first, then implicit */
	int owner;		       /* index in contacts */
	RG_VEC(rg_referral) referrals; /* sorted by place */
	RG_VEC(rg_gtask) tasks;
	RG_VEC(rg_event) asks;	       /* sorted by contact, then date */
	RG_VEC(rg_event) testimonials; /* sorted by contact, then date */
	rg_graph_stats stats;
	rg_arena *arena;
} rg_graph;

/*
 * Build the graph of the notes.  strict makes unresolved references
 * errors.  The graph points into n's records: n must outlive it.
 */
void rg_graph_build(rg_graph *g, const rg_notes *n, const rg_config *cfg,
		    bool strict, rg_diags *d);
void rg_graph_free(rg_graph *g);

const char *rg_graph_path(const rg_graph *g, int file);

#endif
