"""Texts of the invoice ledger, its evidence and the portfolio of clients (English, Polish)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- evidence: one text per derived question (wizard/render/evidence.py) -----------------
    "ledger.late.counted": ("{late} of {known} invoices paid late ({share}%)",
                            "{late} z {known:plural:# faktury|# faktur|# faktur} zapłacono po terminie ({share}%)"),
    "ledger.late.delays": (", median {median:plural:# day|# days} late, the longest {longest:plural:# day|# days}",
                           ", mediana opóźnienia: {median:plural:# dzień|# dni|# dni}, najdłuższe: "
                           "{longest:plural:# dzień|# dni|# dni}"),
    "ledger.late.on_time": ("{known:plural:the only invoice was|all # invoices were} paid on time",
                            "{known:plural:jedyną fakturę|wszystkie # faktury|wszystkie # faktur} zapłacono w terminie"),
    "ledger.late.too_few": ("too few invoices to judge: {known} paid or past due, at least {needed} needed",
                            "za mało faktur do oceny: zapłaconych lub po terminie jest {known}, potrzeba co najmniej "
                            "{needed}"),
    "ledger.late.pending": ("; not yet due: {count}", "; jeszcze przed terminem: {count}"),
    "ledger.late.undated": ("; paid on a date the ledger does not give: {count}",
                            "; zapłacone bez daty zapłaty w rejestrze: {count}"),
    "ledger.no_column": ("the ledger has no column for the due date or the payment date: this cannot be counted",
                         "w rejestrze brakuje kolumny z terminem płatności lub z datą zapłaty: tego nie da się policzyć"),
    "ledger.trend.halves": ("late: {first_late} of {first_known} ({first_share}%) from {a} to {b}, "
                            "{second_late} of {second_known} ({second_share}%) from {c} to {d}",
                            "po terminie: {first_late} z {first_known} ({first_share}%) od {a} do {b} oraz "
                            "{second_late} z {second_known} ({second_share}%) od {c} do {d}"),
    "ledger.trend.delays": ("; median delay {before} → {after:plural:# day|# days}",
                            "; mediana opóźnienia: {before} → {after:plural:# dzień|# dni|# dni}"),
    "ledger.trend.never": ("; never late, so nothing is getting worse", "; bez opóźnień, więc nic się nie pogarsza"),
    "ledger.trend.too_few": ("too few invoices to compare the halves of the window: {first_known} from {a} to {b}, "
                             "{second_known} from {c} to {d}, at least {needed} in each needed",
                             "za mało faktur, by porównać połowy okresu: {first_known} od {a} do {b} oraz "
                             "{second_known} od {c} do {d}, a potrzeba co najmniej {needed} w każdej"),
    "ledger.share.counted": ("{value} of {total} invoiced to all clients from {since} to {until}",
                             "{value} z {total} zafakturowanych u wszystkich klientów od {since} do {until}"),
    "ledger.share.net": (" (net amounts)", " (kwoty netto)"),
    "ledger.share.currencies": ("the invoices are in several currencies ({currencies}) and a share of revenue needs "
                                "one: choose it with --currency",
                                "faktury są w kilku walutach ({currencies}), a udział w przychodach wymaga jednej: "
                                "wybierz ją opcją --currency"),
    "ledger.share.none": ("no revenue invoiced from {since} to {until}: no share to count",
                          "brak przychodu zafakturowanego od {since} do {until}: nie ma od czego liczyć udziału"),
    "ledger.orders.counted": ("invoiced {first} from {a} to {b} and {second} from {c} to {d} ({change}%)",
                              "zafakturowano {first} od {a} do {b} oraz {second} od {c} do {d} ({change}%)"),
    "ledger.orders.nothing_before": ("invoiced {first} from {a} to {b} and {second} from {c} to {d}: nothing in the "
                                     "first half to compare with",
                                     "zafakturowano {first} od {a} do {b} oraz {second} od {c} do {d}: w pierwszej "
                                     "połowie nie ma z czym porównać"),
    "ledger.orders.currencies": ("the client's invoices are in several currencies ({currencies}): choose one with "
                                 "--currency",
                                 "faktury klienta są w kilku walutach ({currencies}): wybierz jedną opcją --currency"),
    "ledger.owed.overdue": ("unpaid past the due date: {count:plural:# invoice|# invoices}, {money}, the oldest due "
                            "{date}",
                            "niezapłacone po terminie: {count:plural:# faktura|# faktury|# faktur}, {money}, "
                            "najstarsza z terminem {date}"),
    "ledger.owed.none": ("nothing unpaid past its due date", "brak niezapłaconych faktur po terminie"),
    "ledger.owed.pending": ("; not yet due: {count:plural:# invoice|# invoices}, {money}",
                            "; jeszcze przed terminem: {count:plural:# faktura|# faktury|# faktur}, {money}"),
    "ledger.left_out": ("; left out, unreadable: {count:plural:# row|# rows} of this client",
                        "; pominięte, bo nieczytelne: {count:plural:# wiersz|# wiersze|# wierszy} tego klienta"),
    # --- the evidence command ------------------------------------------------------------------
    "ledger.summary": ("{file}: {invoices:plural:# invoice|# invoices} of {clients:plural:# client|# clients}, "
                       "window {since} to {until}",
                       "{file}: {invoices:plural:# faktura|# faktury|# faktur} dla "
                       "{clients:plural:# klienta|# klientów|# klientów}, okres od {since} do {until}"),
    "ledger.read_as": ("read as {encoding}, delimiter {delimiter}, decimal mark {decimal}",
                       "odczytano jako {encoding}, separator {delimiter}, znak dziesiętny {decimal}"),
    "ledger.rows_left_out": ("{count:plural:# row was|# rows were} left out (the problems are listed above)",
                             "pominięto {count:plural:# wiersz|# wiersze|# wierszy} (błędy wymieniono wyżej)"),
    "ledger.more_problems": ("... and {count:plural:# more problem|# more problems}",
                             "... i {count:plural:# kolejny błąd|# kolejne błędy|# kolejnych błędów}"),
    "ledger.no_client": ("No invoices of “{client}” in {file} (the name must match exactly; case and spacing aside).",
                         "W {file} nie ma faktur klienta „{client}” (nazwa musi się zgadzać dokładnie, poza "
                         "wielkością liter i odstępami)."),
    "ledger.nothing": ("No invoices in the window from {since} to {until}.",
                       "Brak faktur w okresie od {since} do {until}."),
    "ledger.not_derived": ("not drawn", "nie wynika z rejestru"),
    "ledger.bad_map": ("--map: {message}", "--map: {message}"),
    "ledger.rules": ("the rules that draw answers from an invoice ledger",
                     "zasady wyciągania odpowiedzi z rejestru faktur"),
    "ledger.bad_date": ("--{option}: {message}", "--{option}: {message}"),
    "ledger.dates_reversed": ("--since {since} is after --until {until}",
                              "--since {since} przypada po --until {until}"),
    # --- records: show, Markdown, compare --------------------------------------------------------
    "ledger.evidence": ("Evidence from the invoice ledger", "Dowody z rejestru faktur"),
    "ledger.source": ("{file}, from {since} to {until}", "{file}, od {since} do {until}"),
    "ledger.from_ledger": ("from the ledger", "z rejestru"),
    "ledger.changed": ("the ledger says {derived}; answered {answer}", "w rejestrze: {derived}; odpowiedź: {answer}"),
    # --- the portfolio (client-exit clients) -----------------------------------------------------
    "portfolio.concentration": ("Concentration of revenue ({currency}, {since} to {until}): the largest client, "
                                "{top}, {share}% · Herfindahl-Hirschman index {hhi}",
                                "Koncentracja przychodów ({currency}, od {since} do {until}): największy klient, "
                                "{top}, {share}% · indeks Herfindahla-Hirschmana {hhi}"),
    "portfolio.reading.dependent": ("One client carries a large part of the budget: never base the budget on one big "
                                    "client; win others before any exit.",
                                    "Jeden klient to duża część budżetu: nie opieraj budżetu na jednym dużym kliencie; "
                                    "zanim z kimkolwiek się rozstaniesz, pozyskaj innych."),
    "portfolio.reading.high": ("Revenue is highly concentrated in a few clients: losing one would hurt.",
                               "Przychody są silnie skupione u kilku klientów: utrata jednego byłaby bolesna."),
    "portfolio.reading.moderate": ("Revenue is moderately concentrated: watch that no client grows too large.",
                                   "Przychody są umiarkowanie skupione: pilnuj, by żaden klient nie urósł za bardzo."),
    "portfolio.reading.spread": ("Revenue is well spread: no client holds the budget hostage.",
                                 "Przychody są dobrze rozłożone: żaden klient nie trzyma budżetu w garści."),
    "portfolio.no_concentration": ("With a ledger (--ledger) this shows the concentration of revenue.",
                                   "Z rejestrem faktur (--ledger) zobaczysz tu koncentrację przychodów."),
    "portfolio.currencies": ("The ledger's invoices are in several currencies ({currencies}): choose one with "
                             "--currency to see the concentration of revenue.",
                             "Faktury w rejestrze są w kilku walutach ({currencies}): wybierz jedną opcją --currency, "
                             "aby zobaczyć koncentrację przychodów."),
    "portfolio.order": ("Sorted by what needs attention first: an overdue review, the harsher level, a rising risk "
                        "score, the higher score, more money overdue, the larger share of revenue.",
                        "Kolejność według pilności: przegląd po terminie, surowszy poziom, rosnący wskaźnik ryzyka, "
                        "wyższy wskaźnik, więcej pieniędzy po terminie, większy udział w przychodach."),
    "portfolio.none": ("No clients yet: no records in {path}{ledger}.", "Brak klientów: brak zapisów w {path}{ledger}."),
    "portfolio.no_ledger_clients": (" and no invoices in the ledger", " i brak faktur w rejestrze"),
    "portfolio.not_assessed": ("not assessed", "bez oceny"),
    "portfolio.unmatched": ("In the ledger but with no assessment under that name: {name} (assessed as: {similar}?)",
                            "W rejestrze, ale bez oceny pod tą nazwą: {name} (oceniony jako: {similar}?)"),
    "portfolio.col.client": ("client", "klient"),
    "portfolio.col.level": ("level", "poziom"),
    "portfolio.col.score": ("risk", "ryzyko"),
    "portfolio.col.review": ("review", "przegląd"),
    "portfolio.col.revenue": ("revenue", "przychód"),
    "portfolio.col.late": ("late", "spóźn."),
    "portfolio.col.owed": ("overdue", "po terminie"),
}
