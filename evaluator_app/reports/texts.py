"""The documents' fixed wording, Indonesian and English, one dict per language.

Placeholders are ``str.format`` fields.  Both languages carry the same keys (a
test checks it); records typed by people (notes, findings) are printed as
entered.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from evaluator_app.i18n import _
from evaluator_app.reports.errors import ReportError

ID: dict[str, str] = {
    "programme": "Gerakan Menuju Smart City",
    "title": "BERITA ACARA",
    "amendment_head": "PERUBAHAN KE-{n}",
    "number": "Nomor: {number}",
    "subject": "EVALUASI TAHAP {stage} {programme} {region} TAHUN {year}",
    "opening": (
        "Pada hari ini {day}, {date_words} ({date}), pukul {time}, bertempat di {venue}, "
        "telah dilaksanakan evaluasi tahap {stage} {programme} {region} tahun {year} "
        "berdasarkan {framework} versi {version}, dengan hasil sebagaimana diuraikan di "
        "bawah ini."
    ),
    "amendment_opening": (
        "Berita acara ini merupakan perubahan ke-{n} dan menggantikan berita acara "
        "yang dibuat sebelumnya untuk evaluasi yang sama."
    ),
    "date_words": "tanggal {day} bulan {month} tahun {year}",
    "blank": "……………",
    "nothing": "–",
    "section_attendance": "A. Daftar Hadir",
    "section_results": "B. Hasil Evaluasi",
    "section_indicators": "C. Hasil per Indikator",
    "section_findings": "D. Temuan dan Rekomendasi per Perangkat Daerah",
    "section_outstanding": "E. Bukti Dukung yang Belum Diserahkan",
    "attendance_intro": "Evaluasi dihadiri oleh:",
    "col_no": "No",
    "col_name_nip": "Nama / NIP",
    "col_position": "Jabatan",
    "col_organisation": "Instansi",
    "col_role": "Peran",
    "col_present": "Kehadiran",
    "present": "Hadir",
    "absent": "Tidak hadir",
    "nip": "NIP. {nip}",
    "results_index": (
        "{region} memperoleh indeks <b>{index}</b> dengan predikat <b>{predicate}</b>."
    ),
    "results_index_plain": "{region} memperoleh indeks <b>{index}</b>.",
    "results_no_index": (
        "Belum ada indikator yang disepakati, sehingga indeks belum dapat dihitung."
    ),
    "results_progress": (
        "Dari {total} indikator, {settled} telah disepakati, termasuk {na} indikator yang "
        "dinyatakan tidak berlaku; nilai dihitung dari level yang disepakati."
    ),
    "results_progress_all_apply": (
        "Dari {total} indikator, {settled} telah disepakati; nilai dihitung dari level yang "
        "disepakati."
    ),
    "results_previous": "Pada tahun {year} indeksnya {index}; {change}.",
    "results_previous_stage": "Pada tahap {stage} tahun {year} indeksnya {index}; {change}.",
    "change_up": "naik {delta}",
    "change_down": "turun {delta}",
    "change_same": "tetap",
    "col_code": "Kode",
    "col_dimension": "Dimensi / Subdimensi",
    "col_agreed": "Nilai disepakati",
    "col_self": "Penilaian mandiri",
    "col_settled": "Indikator disepakati",
    "col_previous_stage": "Tahap {stage} {year}",
    "row_index": "Indeks",
    "chart_caption": "Gambar 1. Nilai per dimensi: penilaian mandiri dan hasil kesepakatan",
    "chart_self": "Penilaian mandiri",
    "chart_agreed": "Disepakati",
    "agreed_level": "Level disepakati",
    "self_level": "Penilaian mandiri",
    "ratings": "Penilaian evaluator",
    "rating_spread": "(selisih&nbsp;{spread})",
    "not_applicable": "Tidak berlaku",
    "na_reason": "Tidak berlaku: {reason}",
    "not_assessed": "Belum disepakati ({status})",
    "notes": "Catatan",
    "rationale": "Alasan",
    "clarifications": "Klarifikasi",
    "question": "Pertanyaan",
    "answer": "Jawaban",
    "asked_answered": "ditanyakan oleh {asked}; dijawab oleh {answered}",
    "asked_open": "ditanyakan oleh {asked}; belum dijawab",
    "evidence": "Bukti dukung",
    "col_title": "Judul",
    "col_kind": "Jenis",
    "col_status": "Status",
    "col_due": "Tenggat",
    "col_sha": "SHA-256",
    "findings_intro": (
        "Temuan berikut disampaikan kepada perangkat daerah terkait untuk ditindaklanjuti. "
        "Temuan yang ditujukan kepada lebih dari satu perangkat daerah dicantumkan pada "
        "setiap perangkat daerah tersebut."
    ),
    "no_findings": "Tidak ada temuan.",
    "no_agency": "Tanpa perangkat daerah tertentu",
    "col_finding": "Temuan",
    "col_recommendation": "Rekomendasi",
    "col_indicator": "Indikator",
    "col_priority": "Prioritas",
    "col_evidence": "Bukti dukung",
    "outstanding_intro": (
        "Bukti dukung berikut belum diserahkan dan disampaikan paling lambat tanggal "
        "{deadline}, kecuali yang memiliki tenggat sendiri."
    ),
    "outstanding_intro_plain": "Bukti dukung berikut belum diserahkan.",
    "no_outstanding": "Seluruh bukti dukung telah diserahkan.",
    "closing": (
        "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan "
        "sebagaimana mestinya."
    ),
    "place_date": "{place}, {date}",
    "footer_page": "Halaman {page} dari {pages}",
    "footer_number": "Berita Acara Nomor {number}",
    "footer_hash": "SHA-256 snapshot: {hash}",
    "watermark": "DRAF",
    "meeting_on": "rapat tanggal {date}",
    "agency_title": "TEMUAN DAN REKOMENDASI",
    "agency_for": "untuk {agency}",
    "agency_reference": (
        "Hasil evaluasi tahap {stage} {programme} {region} tahun {year}, {meeting}, "
        "sebagaimana tercantum dalam Berita Acara Nomor {number}."
    ),
    "agency_none": "Tidak ada temuan yang ditujukan kepada {agency}.",
    "agency_intro": (
        "Temuan berikut disampaikan kepada {agency} untuk ditindaklanjuti sesuai tenggat "
        "masing-masing."
    ),
    "outstanding_title": "DAFTAR BUKTI DUKUNG YANG BELUM DISERAHKAN",
    "outstanding_for": "{region}",
    "doc_subject_agency": "Temuan untuk {agency}",
    "doc_subject_outstanding": "Bukti dukung yang belum diserahkan",
    "role.lead_evaluator": "Ketua Tim Evaluator",
    "role.evaluator": "Evaluator",
    "role.signer": "Penanda tangan",
    "role.agency_head": "Kepala Perangkat Daerah",
    "role.council": "Dewan Smart City",
    "role.implementation_team": "Tim Pelaksana",
    "role.observer": "Peninjau",
    "kind.file": "Berkas",
    "kind.link": "Tautan",
    "kind.seen": "Diperlihatkan dalam rapat",
    "evidence.provided": "Diserahkan",
    "evidence.accepted": "Diterima",
    "evidence.rejected": "Ditolak",
    "evidence.pending": "Menyusul",
    "priority.high": "Tinggi",
    "priority.medium": "Sedang",
    "priority.low": "Rendah",
    "status.not_started": "belum dibahas",
    "status.in_discussion": "sedang dibahas",
    "status.done": "selesai",
    "status.deferred": "ditunda",
}

EN: dict[str, str] = {
    "programme": "Smart City Movement",
    "title": "MINUTES",
    "amendment_head": "AMENDMENT {n}",
    "number": "Number: {number}",
    "subject": "STAGE {stage} EVALUATION, {programme}, {region}, {year}",
    "opening": (
        "On {day}, {date_words} ({date}), at {time}, at {venue}, the stage {stage} "
        "evaluation of the {programme} for {region} for the year {year} was held on the "
        "basis of the {framework}, version {version}, with the results set out below."
    ),
    "amendment_opening": (
        "These minutes are amendment {n} and replace the minutes made earlier for the "
        "same evaluation."
    ),
    "date_words": "the {day} day of {month} in the year {year}",
    "blank": "……………",
    "nothing": "–",
    "section_attendance": "A. Attendance",
    "section_results": "B. Results",
    "section_indicators": "C. Results by Indicator",
    "section_findings": "D. Findings and Recommendations by Agency",
    "section_outstanding": "E. Outstanding Evidence",
    "attendance_intro": "The evaluation was attended by:",
    "col_no": "No",
    "col_name_nip": "Name / NIP",
    "col_position": "Position",
    "col_organisation": "Organisation",
    "col_role": "Role",
    "col_present": "Attendance",
    "present": "Present",
    "absent": "Absent",
    "nip": "NIP. {nip}",
    "results_index": "{region} attains an index of <b>{index}</b>, rated <b>{predicate}</b>.",
    "results_index_plain": "{region} attains an index of <b>{index}</b>.",
    "results_no_index": "No indicator has been agreed yet, so the index cannot be calculated.",
    "results_progress": (
        "Of {total} indicators, {settled} have been settled, including {na} declared not "
        "applicable; scores are calculated from the agreed levels."
    ),
    "results_progress_all_apply": (
        "Of {total} indicators, {settled} have been settled; scores are calculated from the "
        "agreed levels."
    ),
    "results_previous": "In {year} the index was {index}; {change}.",
    "results_previous_stage": "At stage {stage} of {year} the index was {index}; {change}.",
    "change_up": "up {delta}",
    "change_down": "down {delta}",
    "change_same": "unchanged",
    "col_code": "Code",
    "col_dimension": "Dimension / Sub-dimension",
    "col_agreed": "Agreed score",
    "col_self": "Self-assessed",
    "col_settled": "Indicators settled",
    "col_previous_stage": "Stage {stage} {year}",
    "row_index": "Index",
    "chart_caption": "Figure 1. Scores by dimension: self-assessed and agreed",
    "chart_self": "Self-assessed",
    "chart_agreed": "Agreed",
    "agreed_level": "Agreed level",
    "self_level": "Self-assessed",
    "ratings": "Evaluators' ratings",
    "rating_spread": "(spread&nbsp;{spread})",
    "not_applicable": "Not applicable",
    "na_reason": "Not applicable: {reason}",
    "not_assessed": "Not yet agreed ({status})",
    "notes": "Notes",
    "rationale": "Rationale",
    "clarifications": "Clarifications",
    "question": "Question",
    "answer": "Answer",
    "asked_answered": "asked by {asked}; answered by {answered}",
    "asked_open": "asked by {asked}; not yet answered",
    "evidence": "Evidence",
    "col_title": "Title",
    "col_kind": "Kind",
    "col_status": "Status",
    "col_due": "Due",
    "col_sha": "SHA-256",
    "findings_intro": (
        "The following findings are addressed to the agencies concerned for follow-up. "
        "A finding addressed to more than one agency is listed under each of them."
    ),
    "no_findings": "There are no findings.",
    "no_agency": "No particular agency",
    "col_finding": "Finding",
    "col_recommendation": "Recommendation",
    "col_indicator": "Indicator",
    "col_priority": "Priority",
    "col_evidence": "Evidence",
    "outstanding_intro": (
        "The following evidence has not been delivered yet and is due by {deadline}, "
        "unless an item has its own due date."
    ),
    "outstanding_intro_plain": "The following evidence has not been delivered yet.",
    "no_outstanding": "All evidence has been delivered.",
    "closing": "These minutes were made truthfully, to be used as required.",
    "place_date": "{place}, {date}",
    "footer_page": "Page {page} of {pages}",
    "footer_number": "Minutes number {number}",
    "footer_hash": "Snapshot SHA-256: {hash}",
    "watermark": "DRAFT",
    "meeting_on": "meeting of {date}",
    "agency_title": "FINDINGS AND RECOMMENDATIONS",
    "agency_for": "for {agency}",
    "agency_reference": (
        "Results of the stage {stage} evaluation of the {programme} for {region}, {year}, "
        "{meeting}, as recorded in the minutes number {number}."
    ),
    "agency_none": "No findings are addressed to {agency}.",
    "agency_intro": (
        "The following findings are addressed to {agency} for follow-up by their due dates."
    ),
    "outstanding_title": "OUTSTANDING EVIDENCE",
    "outstanding_for": "{region}",
    "doc_subject_agency": "Findings for {agency}",
    "doc_subject_outstanding": "Outstanding evidence",
    "role.lead_evaluator": "Lead evaluator",
    "role.evaluator": "Evaluator",
    "role.signer": "Signatory",
    "role.agency_head": "Agency head",
    "role.council": "Smart-city council",
    "role.implementation_team": "Implementation team",
    "role.observer": "Observer",
    "kind.file": "File",
    "kind.link": "Link",
    "kind.seen": "Shown in the meeting",
    "evidence.provided": "Provided",
    "evidence.accepted": "Accepted",
    "evidence.rejected": "Rejected",
    "evidence.pending": "Pending",
    "priority.high": "High",
    "priority.medium": "Medium",
    "priority.low": "Low",
    "status.not_started": "not discussed yet",
    "status.in_discussion": "in discussion",
    "status.done": "done",
    "status.deferred": "deferred",
}

TEXTS: dict[str, dict[str, str]] = {"id": ID, "en": EN}
LANGUAGES = tuple(TEXTS)


class Texts:
    """The wording of one language.

    ``texts("key", field=value)`` gives paragraph markup: the fields are
    escaped, so a name with ``&`` or ``<`` prints as typed; ``texts.plain``
    gives the text for places that take no markup (the canvas, PDF metadata).
    """

    def __init__(self, language: str) -> None:
        if language not in TEXTS:
            raise ReportError(
                _("no document texts for language {language!r}; one of: {languages}").format(
                    language=language, languages=", ".join(LANGUAGES)
                )
            )
        self.language = language
        self._table = TEXTS[language]

    def __call__(self, key: str, **fields: object) -> str:
        return self._table[key].format(**{k: escape(str(v)) for k, v in fields.items()})

    def markup(self, key: str, **fields: str) -> str:
        """Like calling, but the fields are markup already (escaped by the caller)."""
        return self._table[key].format(**fields)

    def plain(self, key: str, **fields: object) -> str:
        return self._table[key].format(**fields)

    def code(self, prefix: str, value: str) -> str:
        """A stored code in words (``role``, ``kind``…) as markup; unknown codes as they are."""
        return escape(self._table.get(f"{prefix}.{value}", value))
