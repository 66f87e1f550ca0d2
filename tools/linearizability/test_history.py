"""How an HTTP answer becomes an observation: a definite refusal constrains
the order, an answer that says nothing definite must not.

Run: python3 -m unittest discover -s tools/linearizability
"""

import json
import unittest

import model
from history import Operation, answer


def error(code, msg=""):
    return json.dumps({"error_code": code, "error_msg": msg}).encode()


class Answers(unittest.TestCase):
    def test_a_detail_says_state_and_sink(self):
        body = json.dumps({"state": "stopped", "sink_uri": "blackhole://?lin=a", "id": "f"}).encode()
        self.assertEqual(answer("update", 200, body), ("ok", "stopped", "blackhole://?lin=a"))
        self.assertEqual(answer("pause", 200, b"{}"), model.OK)

    def test_already_exists_is_a_refusal_though_ticdc_sends_500(self):
        self.assertEqual(answer("create", 500, error("CDC:ErrChangeFeedAlreadyExists")), model.ALREADY_EXISTS)

    def test_other_server_errors_say_nothing(self):
        self.assertIsNone(answer("create", 500, error("CDC:ErrMetaStoreFailed")))
        self.assertIsNone(answer("pause", 503, error("CDC:ErrServerIsNotReady")))
        self.assertIsNone(answer("remove", 502, b"not json"))

    def test_the_two_update_refusals_are_told_apart(self):
        not_stopped = error("CDC:ErrChangefeedUpdateRefused", "changefeed update error: can only update changefeed"
                            " config when it is stopped or failed")
        same = error("CDC:ErrChangefeedUpdateRefused", "changefeed update error: changefeed config is the same"
                     " with the old one, do nothing")
        self.assertEqual(answer("update", 400, not_stopped), model.UPDATE_NOT_STOPPED)
        self.assertEqual(answer("update", 400, same), model.UPDATE_SAME)

    def test_a_refusal_the_model_has_no_rule_for_stays_unexplained(self):
        out = answer("update", 400, error("CDC:ErrChangefeedUpdateRefused", "something else"))
        self.assertNotIn(out, (model.UPDATE_NOT_STOPPED, model.UPDATE_SAME))

    def test_a_line_reads_back_as_written(self):
        o = Operation(3, "lin-1", "update", "blackhole://?lin=c3n7", 10, None, None, 0, "ConnectionResetError")
        self.assertEqual(Operation.from_json(o.to_json()), o)
        o = Operation(3, "lin-1", "get", None, 10, 20, ("ok", "normal", "blackhole://?lin=c3n7"), 200, "")
        self.assertEqual(Operation.from_json(o.to_json()), o)


if __name__ == "__main__":
    unittest.main()
