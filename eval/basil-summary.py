#!/usr/bin/env python3
"""The summary and the timeline on BASIL events, scored with the definitions of the dataset's score.py.

usage: basil-summary.py BASIL_DIR GOLD_DIR RUN_DIR [--errors]
Reads each event's run (RUN_DIR/<event>.extract.jsonl and .report.json, as score.py does) and
prints one tab-separated line:
  sentences  cross  cross_ok  leads  lead_cross  dated  merged
sentences: summary sentences of the stories holding two or more of the event's outlets;
cross: those citing two or more outlets; cross_ok: those whose every citation of another outlet
meets, with the sentence's own span, one gold shared fact in both outlets (score.py's span overlap);
leads: such summaries; lead_cross: those whose first sentence cites two or more outlets;
dated: gold shared facts that timeline rows of two or more outlets state (a row's support span
overlapping the fact's gold span in its outlet); merged: those one row states for two or more
outlets (the rest are split over rows of one outlet each).
rows: timeline rows of two or more outlets whose support meets a gold shared fact in at least two of
them (each outlet's part overlapping some gold fact's span in that outlet); rows_ok: those where one
gold fact is met by every such outlet (the rest join different happenings of the outlets).
"""
import glob, json, os, sys

sys.path.insert(0, sys.argv[1])
import score  # noqa: E402  (the dataset's scorer: normalise, locate, overlaps, outlet_of)


def main():
    gold_dir, run_dir = sys.argv[2], sys.argv[3]
    show = '--errors' in sys.argv
    t = dict(sentences=0, cross=0, cross_ok=0, leads=0, lead_cross=0, dated=0, merged=0, rows=0, rows_ok=0)
    for gpath in sorted(glob.glob(os.path.join(gold_dir, '*', '*.json'))):
        g = json.load(open(gpath))
        ev = g['event']
        xpath, rpath = os.path.join(run_dir, ev + '.extract.jsonl'), os.path.join(run_dir, ev + '.report.json')
        if not (os.path.exists(xpath) and os.path.exists(rpath)):
            print(f'missing run for {ev}', file=sys.stderr)
            continue
        texts, outlet = {}, {}
        for line in open(xpath, encoding='utf-8'):
            if not line.strip():
                continue
            r = json.loads(line)
            a = r.get('article') if isinstance(r.get('article'), dict) else r
            src = a.get('source')
            path = src if isinstance(src, str) else (src or {}).get('path')
            if a.get('id') and a.get('text') is not None:
                texts[a['id']] = a['text']
                outlet[a['id']] = score.outlet_of(path)
        by_outlet = {o: i for i, o in outlet.items()}
        normed = {i: score.normalise(t) for i, t in texts.items()}
        gfacts = []
        for f in g.get('facts', []):
            spans = {}
            for o, s in (f.get('reports') or {}).items():
                i = by_outlet.get(o)
                loc = score.locate(*normed[i], s) if i is not None and s else None
                if loc:
                    spans[o] = loc
            if len(spans) >= 2:
                gfacts.append((f, spans))
        report = json.load(open(rpath))
        rows = [e for st in report.get('stories', []) for e in st.get('timeline') or []]
        for gf, spans in gfacts:
            cover = []
            for e in rows:
                got = {outlet.get(sp.get('articleId')) for sp in e.get('support') or []
                       if outlet.get(sp.get('articleId')) in spans
                       and score.overlaps((sp.get('start', 0), sp.get('end', 0)), spans[outlet.get(sp.get('articleId'))])}
                if got:
                    cover.append(got)
            if len(set().union(*cover)) >= 2 if cover else False:
                t['dated'] += 1
                merged = any(len(c) >= 2 for c in cover)
                t['merged'] += merged
                if show and not merged:
                    print(f'  timeline split [{ev[:8]}]: {gf.get("statement", "")[:160]}')
        for e in rows:
            # per outlet of the row, the gold facts its support span states
            met = {}
            for sp in e.get('support') or []:
                o = outlet.get(sp.get('articleId'))
                for k, (gf, spans) in enumerate(gfacts):
                    if o in spans and score.overlaps((sp.get('start', 0), sp.get('end', 0)), spans[o]):
                        met.setdefault(o, set()).add(k)
            if len(met) < 2:
                continue
            t['rows'] += 1
            # one gold fact that every outlet of the row meeting a gold fact meets (a row of three
            # outlets, two on one fact and the third on another, joins two happenings)
            ok = bool(set.intersection(*met.values()))
            t['rows_ok'] += ok
            if show and not ok:
                print(f'  timeline row joining different facts [{ev[:8]}]: {e.get("date")} {e.get("text", "")[:140]}')
        for st in report.get('stories', []):
            if len({outlet.get(a) for a in st.get('articleIds', [])} - {None}) < 2:
                continue
            summary = st.get('summary') or []
            if summary:
                t['leads'] += 1
            for k, s in enumerate(summary):
                t['sentences'] += 1
                cites = s.get('citations') or []
                outs = {outlet.get(c.get('articleId')) for c in cites} - {None}
                if len(outs) < 2:
                    continue
                t['cross'] += 1
                t['lead_cross'] += k == 0

                def meets(a, b):
                    # one gold shared fact whose spans in both outlets the two citations overlap
                    oa, ob = outlet.get(a.get('articleId')), outlet.get(b.get('articleId'))
                    return any(oa in spans and ob in spans
                               and score.overlaps((a.get('start', 0), a.get('end', 0)), spans[oa])
                               and score.overlaps((b.get('start', 0), b.get('end', 0)), spans[ob]) for gf, spans in gfacts)
                own = cites[0]
                others = [c for c in cites[1:] if outlet.get(c.get('articleId')) not in (None, outlet.get(own.get('articleId')))]
                ok = all(meets(own, c) for c in others)
                t['cross_ok'] += ok
                if show and not ok:
                    print(f'  unconfirmed summary citation [{ev[:8]}]: {s.get("text", "")[:160]}')
    print('\t'.join(str(t[k]) for k in ('sentences', 'cross', 'cross_ok', 'leads', 'lead_cross', 'dated', 'merged', 'rows', 'rows_ok')))


if __name__ == '__main__':
    main()
