"""The first sheet of the template (and of every export): how to fill it in,
in Indonesian and in English, side by side."""

from __future__ import annotations

TITLE = (
    "Kerangka evaluasi Evaluator — petunjuk pengisian",
    "Evaluator evaluation framework — how to fill it in",
)

# (Indonesian, English); a pair starting with "#" is a heading.
STEPS: tuple[tuple[str, str], ...] = (
    (
        "Berkas ini memuat satu kerangka evaluasi (instrumen): lembar Framework, Groups "
        "dan Indicators. Isi ketiganya, lalu impor berkas ini ke Evaluator. Contoh yang "
        "sudah terisi menunjukkan caranya: ganti dengan kerangka Anda sendiri.",
        "This file holds one evaluation framework (instrument): the Framework, Groups and "
        "Indicators sheets. Fill in all three, then import the file into Evaluator. The "
        "example already filled in shows how: replace it with your own framework.",
    ),
    ("# Langkah", "# Steps"),
    (
        "1. Simpan salinan berkas ini dengan nama baru (format .xlsx).",
        "1. Save a copy of this file under a new name (.xlsx format).",
    ),
    (
        "2. Lembar Framework, tabel pertama: ID kerangka (huruf kecil, angka, '.', '_', '-', "
        "misalnya gmsc-2025), Versi (misalnya 2025.1), Judul, Deskripsi (boleh kosong) dan "
        "Ilustratif (ya untuk contoh/latihan, tidak untuk instrumen resmi). Kolom EN berisi "
        "terjemahan bahasa Inggris dan boleh kosong.",
        "2. Framework sheet, first table: Framework ID (lower-case letters, digits, '.', "
        "'_', '-', e.g. gmsc-2025), Version (e.g. 2025.1), Title, Description (optional) and "
        "Illustrative (yes for examples and training, no for an official instrument). The "
        "EN columns hold the English translation and may be left empty.",
    ),
    (
        "3. Tabel Level: satu baris per level skala, dari yang terendah ke yang tertinggi "
        "(misalnya 1 sampai 4, atau 1 sampai 5), dengan nama dan deskripsinya. Sisipkan "
        "baris bila perlu.",
        "3. Level table: one row per level of the scale, lowest first (e.g. 1 to 4, or 1 to "
        "5), with its name and description. Insert rows as needed.",
    ),
    (
        "4. Tabel Indeks minimum: predikat indeks akhir (misalnya Baik mulai 2,6), dari "
        "batas terendah ke tertinggi; batas terendah tidak boleh di atas level terendah. "
        "Hapus barisnya bila skema Anda tidak memakai predikat.",
        "4. Minimum index table: the bands of the final index (e.g. Good from 2.6), lowest "
        "first; the lowest band must start at or below the lowest level. Delete its rows if "
        "your scheme has no predicates.",
    ),
    (
        "5. Lembar Groups: satu baris per dimensi, subdimensi atau elemen. Dimensi: kolom "
        "Induk kosong. Subkelompok: Induk berisi kode kelompok di atasnya. Bobot: bobot di "
        "dalam induknya (kosong = 1; untuk dimensi: bobot dalam indeks). Agregasi: kosong "
        "atau children = rata-rata tertimbang anak-anaknya; indicators = rata-rata semua "
        "indikator di bawahnya (misalnya skema GMSC 2022).",
        "5. Groups sheet: one row per dimension, sub-dimension or element. A dimension "
        "leaves Parent empty; a sub-group gives the code of the group above it. Weight: its "
        "weight within its parent (empty = 1; for a dimension, its weight in the index). "
        "Aggregation: empty or children = weighted mean of its children; indicators = mean "
        "of every indicator beneath it (e.g. the GMSC 2022 scheme).",
    ),
    (
        "6. Lembar Indicators: satu baris per indikator. Kelompok: kode kelompoknya di lembar "
        "Groups. Kriteria setiap level skala wajib diisi di kolom Level n (ID). Pertanyaan "
        "panduan dan bukti dukung: satu per baris di dalam sel (Alt+Enter di Excel, "
        "Ctrl+Enter di LibreOffice).",
        "6. Indicators sheet: one row per indicator. Group: the code of its group on the "
        "Groups sheet. The criteria of every level of the scale go in the Level n (ID) "
        "columns and are required. Guiding questions and expected evidence: one per line "
        "within the cell (Alt+Enter in Excel, Ctrl+Enter in LibreOffice).",
    ),
    (
        "7. Skala 5 level: isi juga kolom Level 5. Skala dengan level lain (misalnya 0): "
        "tambahkan kolom berjudul persis 'Level 0 (ID)' dan 'Level 0 (EN)'. Kolom level "
        "yang tidak ada di skala harus dibiarkan kosong.",
        "7. A 5-level scale: fill in the Level 5 columns too. Other levels (e.g. 0): add "
        "columns headed exactly 'Level 0 (ID)' and 'Level 0 (EN)'. Leave the columns of "
        "levels that are not on the scale empty.",
    ),
    (
        "8. Impor: di Evaluator, menu Alat → Impor kerangka dari lembar kerja…, atau "
        "perintah: evaluator-app frameworks import BERKAS.xlsx. Semua masalah ditampilkan "
        "sekaligus dengan selnya (misalnya Indicators!Q12: level 3 criteria (ID) is empty); "
        "tidak ada yang dipasang sampai seluruh berkas benar. Perbaiki, simpan, impor lagi.",
        "8. Import: in Evaluator, Tools → Import a framework from a spreadsheet…, or the "
        "command evaluator-app frameworks import FILE.xlsx. Every problem is listed at once "
        "with its cell (e.g. Indicators!Q12: level 3 criteria (ID) is empty); nothing is installed "
        "until the whole file is right. Fix, save, import again.",
    ),
    ("# Aturan", "# Rules"),
    (
        "Kode: huruf, angka, '.', '_' atau '-', unik di seluruh berkas (huruf besar dan "
        "kecil dianggap sama). Kolom kode berformat Teks agar 1.10 tidak berubah menjadi 1.1.",
        "Codes: letters, digits, '.', '_' or '-', unique in the whole file (upper and lower "
        "case count as the same). Code columns are formatted as Text so that 1.10 does not "
        "turn into 1.1.",
    ),
    (
        "Versi baru = kerangka baru: kerangka dengan ID yang sama dan versi baru dipasang di "
        "samping versi lama. Sesi yang sudah berjalan tetap memakai kerangka yang dipakai "
        "saat dimulai. Mengubah isi tanpa mengubah versi ditolak.",
        "A new version is a new framework: the same ID with a new version is installed beside "
        "the old one. Sessions already started keep the framework they started with. Changed "
        "content under the same version is refused.",
    ),
    (
        "Angka boleh diketik sebagai teks, dengan koma atau titik desimal (1,5 atau 1.5). "
        "Spasi di awal dan akhir (juga spasi tak-putus) diabaikan. Baris kosong diabaikan. "
        "Sel gabungan (merge) berlaku untuk setiap sel yang dicakupnya.",
        "Numbers may be typed as text, with a decimal comma or point (1,5 or 1.5). Spaces "
        "at the start and end (non-breaking ones too) are ignored. Empty rows are skipped. "
        "A merged cell counts in every cell it covers.",
    ),
    (
        "Rumus boleh dipakai: yang dibaca adalah hasil yang tersimpan terakhir kali berkas "
        "disimpan di Excel atau LibreOffice. Rumus tanpa hasil tersimpan atau dengan galat "
        "(#REF!, #DIV/0!) dilaporkan di selnya.",
        "Formulas may be used: what is read is the result saved the last time the file was "
        "saved in Excel or LibreOffice. A formula without a saved result, or with an error "
        "(#REF!, #DIV/0!), is reported at its cell.",
    ),
    (
        "Judul kolom harus tetap seperti di templat (urutan kolom boleh diubah). Kolom "
        "tambahan dengan judul lain ditolak agar tidak ada isi yang hilang diam-diam: "
        "hapus kolom catatan Anda sebelum mengimpor. Lembar lain (seperti lembar ini) "
        "diabaikan.",
        "Keep the column headings as in the template (the order of the columns may change). "
        "Extra columns with other headings are refused so that nothing is lost without a "
        "word: delete your own note columns before importing. Other sheets (like this one) "
        "are ignored.",
    ),
    (
        "Daftar dalam dua bahasa: kolom EN berisi satu baris untuk setiap baris di kolom ID, "
        "dengan urutan yang sama; tulis '-' pada baris yang tidak diterjemahkan.",
        "Lists in two languages: the EN column has one line for each line of the ID column, "
        "in the same order; write '-' on a line that has no English.",
    ),
)
