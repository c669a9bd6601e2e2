from hamlet.drift import exported_names


def test_exported_functions_constants_and_lists_are_found():
    source = """import { parse } from './csv.js';

export async function handleParseCSV(request, reply) {
  reply.csvParsed({ rows: parse(request.data) });
}
export function handleOld(request, reply) {}
export const handleArrow = async (request, reply) => {};
function helper() {}
export { helper as handleAliased, other };
"""
    found = exported_names(source)
    assert sorted(found) == ["handleAliased", "handleArrow", "handleOld", "handleParseCSV", "other"]
    assert found["handleParseCSV"] == (3, 23)
    assert found["handleOld"][0] == 6


def test_commented_out_exports_do_not_count():
    source = """// export async function handleGone(request, reply) {}
/*
export function handleAlsoGone() {}
*/
export async function handleHere(request, reply) {}
"""
    assert list(exported_names(source)) == ["handleHere"]
