# python3 generate.py (in this folder)
# Generates scenario CSVs and their expected results, computed here independently of the C# domain.
import json, random
from datetime import date, timedelta
ALL="AF AL DZ AD AO AG AR AM AU AZ BS BH BD BB BY BZ BJ BT BO BA BW BR BN BF BI CV KH CM CA CF TD CL CN CO KM CG CR CI CU KP CD DJ DM DO EC EG SV GQ ER SZ ET FJ GA GM GE GH GD GT GN GW GY HT HN IS IN ID IR IQ IL JM JP JO KZ KE KI KW KG LA LB LS LR LY LI MG MW MY MV ML MH MR MU MX".split()
EU_MEMBERS=set("BE DE FR IT LU NL DK IE GR ES PT AT FI SE CY CZ EE HU LV LT MT PL SK SI BG RO HR".split())
assert not (set(ALL) & EU_MEMBERS)
D=date.fromisoformat
def iso(d): return d.isoformat() if d else None
def plus_years(d,n): return d.replace(year=d.year+n)

def compute(rows):
    consents=sorted([r for r in rows if r[1] in ('ratification','acceptance','approval','accession')], key=lambda r:r[2])
    dates=[r[2] for r in consents]; assert len(set(dates))==len(dates), "unique deposit dates keep the test free of tie-breaks"
    counted=0; idx=None
    for i,r in enumerate(consents):
        if r[0]!='EU':
            counted+=1
            if counted==40: idx=i; break
    if idx is None: return dict(entryIntoForce=None,amendmentProposalsFrom=None,protocolThresholdReached=None,parties=[])
    general=consents[idx][2]+timedelta(days=90)
    inforce={}
    for i,r in enumerate(consents):
        inforce[r[0]]= general if i<=idx else max(r[2]+timedelta(days=30), general)
    den={r[0]:plus_years(r[2],1) for r in rows if r[1]=='denunciation'}
    # protocol threshold: first date on which 60 States are parties
    events=sorted(set(list(inforce.values())+list(den.values())))
    threshold=None
    for d in events:
        n=sum(1 for p,f in inforce.items() if p!='EU' and f<=d and not (p in den and den[p]<=d))
        if n>=60: threshold=d; break
    parties=[dict(participant=p,inForceFrom=iso(f),denunciationEffective=iso(den.get(p))) for p,f in sorted(inforce.items())]
    return dict(entryIntoForce=iso(general),amendmentProposalsFrom=iso(plus_years(general,5)),protocolThresholdReached=iso(threshold),parties=parties)

def forty(codes, start=D("2026-02-02")):
    rows=[]
    for i,c in enumerate(codes):
        if i%2==0:
            rows.append((c,'signature',D("2025-11-03")+timedelta(days=i)))
            rows.append((c,'ratification',start+timedelta(days=3*i)))
        else:
            rows.append((c,'accession',start+timedelta(days=3*i)))
    return rows

def write(name, rows, expected=True, header="participant,kind,date"):
    with open(name+".csv","w") as f:
        f.write(header+"\n")
        for r in rows: f.write(f"{r[0]},{r[1]},{r[2].isoformat()}\n")
    if expected:
        with open(name+".expected.json","w") as f: json.dump(compute(rows),f,indent=2); f.write("\n")

base=forty(ALL[:40])                     # 40th deposit: 2026-02-02 + 117 days
write("forty-instruments", base)
rnd=random.Random(42); shuffled=base[:]; rnd.shuffle(shuffled)
write("forty-instruments-shuffled", shuffled, expected=False)
last=max(r[2] for r in base)
write("later-joiners", base+[(ALL[40],'accession',last+timedelta(days=10)), (ALL[41],'accession',last+timedelta(days=200))])
# 38 States and FR, then the EU (not counted), then the 40th State: entry into force follows the 40th State.
write("european-union-not-counted", forty(ALL[:38])+[("FR",'signature',D("2025-11-20")),("FR",'ratification',D("2026-01-15")),("EU",'signature',D("2025-12-01")),("EU",'approval',D("2026-01-20"))]+[(ALL[38],'accession',D("2026-09-01"))])
write("denunciation", base+[(ALL[5],'denunciation',D("2027-03-15"))])
sixty=base+[(c,'accession',last+timedelta(days=5*(k+1))) for k,c in enumerate(ALL[40:60])]
write("protocol-threshold", sixty)
write("impossible-ratification-without-signature", [("AF",'signature',D("2026-01-10")),("AL",'ratification',D("2026-03-01"))], expected=False)
write("impossible-signature-after-closing", [("AF",'signature',D("2027-01-05"))], expected=False)
for n in ["forty-instruments","later-joiners","european-union-not-counted","denunciation","protocol-threshold"]:
    e=json.load(open(n+".expected.json")); print(n, e["entryIntoForce"], e["amendmentProposalsFrom"], e["protocolThresholdReached"], len(e["parties"]), [p for p in e["parties"] if p["inForceFrom"]!=e["entryIntoForce"] or p["denunciationEffective"]][:3])
