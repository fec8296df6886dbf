"""A tiny run of each `safeintake bench` measurement, so the benchmark code keeps working. The real
figures come from a release build and minutes of load (Docs/benchmarks.md); nothing here is timed."""

from __future__ import annotations

import re

from safeintake_py import run_cli

NUMBER = r"[0-9]+(\.[0-9]+)?"


def test_bench_machine_reports_sealing_and_commit_rates():
    r = run_cli(["bench", "machine", "--seconds", "0.2"], timeout=60)
    assert r.returncode == 0, r.stderr
    assert re.search(rf"crypto_box_seal .* ({NUMBER})/s on 1 thread", r.stdout), r.stdout
    assert re.search(rf"fsync'd commits .* ({NUMBER})/s", r.stdout), r.stdout
    assert re.search(rf"the cryptography of one intake \(Argon2id minimum\) ({NUMBER})/s on 1 thread", r.stdout), r.stdout


def test_bench_intake_drives_a_daemon_over_http_and_gets_only_201s():
    r = run_cli(["bench", "intake", "--clients", "1,4", "--seconds", "0.5", "--sustain", "1", "--machine-seconds", "0.2"],
                timeout=120)
    assert r.returncode == 0, r.stderr + r.stdout
    rows = [line.split() for line in r.stdout.splitlines() if re.match(r"\s+[14]\s+" + NUMBER, line)]
    assert len(rows) == 4, r.stdout  # two cost settings × two client counts
    for row in rows:
        clients, per_second, non_201, server_errors, errors = int(row[0]), float(row[1]), int(row[4]), int(row[5]), int(row[6])
        assert per_second > 0 and non_201 == 0 and server_errors == 0 and errors == 0, row
        # The daemon's and the load client's CPU time per complaint, and the fsync'd-commit probes
        # around the row, whose mean the last column divides by.
        cpu_ms, client_ms, before, dash, after, ratio = (float(row[7]), float(row[8]), float(row[9]), row[10],
                                                         float(row[11]), float(row[12]))
        assert 0 < cpu_ms < 10_000 and 0 < client_ms < 10_000 and before > 0 and after > 0 and dash == "–", row
        assert abs(ratio - per_second / ((before + after) / 2)) <= 0.001 + 0.01 * ratio, row
    assert r.stdout.count("memory over") == 2, r.stdout
    # Once, with the minimum cost: the same bytes to a path nothing serves, every answer a 404.
    floor = re.search(rf"floor at 4 clients, .*\(404, no work\): (?P<rate>{NUMBER})/s, "
                      rf"daemon CPU (?P<daemon>{NUMBER}) ms each, client CPU (?P<client>{NUMBER}) ms each, "
                      r"0 other answers, 0 errors", r.stdout)
    assert floor, r.stdout
    assert float(floor["rate"]) > 0 and float(floor["daemon"]) > 0 and float(floor["client"]) > 0, r.stdout
    assert r.stdout.count("floor at") == 1, r.stdout
    # The CPU-bound yardstick: the cores over the floor (both ends) plus one intake's cryptography.
    ceiling = re.search(rf"ceiling on (?P<cores>\d+) cores .*: (?P=cores) ÷ \((?P<daemon>{NUMBER}) \+ (?P<client>{NUMBER}) "
                        rf"\+ (?P<crypto>{NUMBER}) ms\) = (?P<ceiling>\d+) complaints/s, (?P<of_probes>{NUMBER}) of the commit "
                        rf"probes; 4 clients reached (?P<reached>{NUMBER}) of it", r.stdout)
    assert ceiling, r.stdout
    cores, ceiling_rate = int(ceiling["cores"]), float(ceiling["ceiling"])
    per_complaint = float(ceiling["daemon"]) + float(ceiling["client"]) + float(ceiling["crypto"])
    assert abs(ceiling_rate - cores * 1000 / per_complaint) <= 1 + 0.01 * ceiling_rate, r.stdout
    four_clients_min_cost = float(rows[3][1])
    assert abs(float(ceiling["reached"]) - four_clients_min_cost / ceiling_rate) <= 0.002 + 0.02 * float(ceiling["reached"]), r.stdout


def test_bench_status_scale_times_checks_at_each_store_size_against_a_reference():
    r = run_cli(["bench", "status-scale", "--reference", "50", "--cases", "300,1000", "--checks", "5"], timeout=120)
    assert r.returncode == 0, r.stderr + r.stdout
    rows = [line.split() for line in r.stdout.splitlines() if re.match(r"\s*\d+\s+" + NUMBER, line)]
    assert [int(row[0]) for row in rows] == [300, 1000], r.stdout
    for row in rows:
        assert float(row[2]) > 0 and float(row[7]) > 0, row  # p50 of the large and of the reference store


def test_bench_firewall_reports_throughput_and_refuses_bad_input(tmp_path):
    corpus = tmp_path / "narratives.jsonl"
    corpus.write_text('{"id": "1", "text": "My visa expired and madam pays me 300 dollars a month."}\n'
                      '{"id": "2", "text": "tlg sy blm dibyr 5bln majikan pukul sy"}\n', encoding="utf-8")
    r = run_cli(["bench", "firewall", str(corpus), "--rounds", "2", "--repeats", "1"], timeout=60)
    assert r.returncode == 0, r.stderr
    assert re.search(rf"corpus texts: ({NUMBER}) MB/s", r.stdout), r.stdout
    assert re.search(rf"one {NUMBER} MB text: ({NUMBER}) MB/s", r.stdout), r.stdout
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1"}\n', encoding="utf-8")
    r = run_cli(["bench", "firewall", str(bad)], timeout=60)
    assert r.returncode != 0 and "\"text\"" in r.stderr, (r.returncode, r.stderr)
