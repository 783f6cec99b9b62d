# ARC Lab's own solver programs for ARC-AGI-1 training tasks, in the arc-dsl solver format.
# Written for this project; each one is checked against every demo and test pair by the tests.

def solve_67a3c6ac(I):
    O = vmirror(I)
    return O

def solve_68b16354(I):
    O = hmirror(I)
    return O

def solve_74dd1130(I):
    O = dmirror(I)
    return O

def solve_9dfd6313(I):
    O = dmirror(I)
    return O

def solve_3c9b0459(I):
    O = rot180(I)
    return O

def solve_6150a2bd(I):
    O = rot180(I)
    return O

def solve_ed36ccf7(I):
    O = rot270(I)
    return O

def solve_a416b8f3(I):
    O = hconcat(I, I)
    return O

def solve_c8f0f002(I):
    O = replace(I, SEVEN, FIVE)
    return O

def solve_b1948b0a(I):
    O = replace(I, SIX, TWO)
    return O

def solve_d511f180(I):
    O = switch(I, FIVE, EIGHT)
    return O

def solve_0d3d703e(I):
    x1 = switch(I, THREE, FOUR)
    x2 = switch(x1, ONE, FIVE)
    x3 = switch(x2, TWO, SIX)
    O = switch(x3, EIGHT, NINE)
    return O

def solve_4c4377d9(I):
    x1 = hmirror(I)
    O = vconcat(x1, I)
    return O

def solve_6d0aefbc(I):
    x1 = vmirror(I)
    O = hconcat(I, x1)
    return O

def solve_c9e6f938(I):
    mirrored = vmirror(I)
    O = hconcat(I, mirrored)
    return O

def solve_6fa7a44f(I):
    x1 = hmirror(I)
    O = vconcat(I, x1)
    return O

def solve_8be77c9e(I):
    below = hmirror(I)
    O = vconcat(I, below)
    return O

def solve_3af2c5a8(I):
    x1 = vmirror(I)
    x2 = hconcat(I, x1)
    x3 = hmirror(x2)
    O = vconcat(x2, x3)
    return O

def solve_62c24649(I):
    x1 = fork(hconcat, identity, vmirror)
    x2 = x1(I)
    x3 = fork(vconcat, identity, hmirror)
    O = x3(x2)
    return O

def solve_67e8384a(I):
    x1 = fork(hconcat, identity, vmirror)
    x2 = fork(vconcat, identity, hmirror)
    x3 = compose(x2, x1)
    O = x3(I)
    return O

def solve_46442a0e(I):
    x1 = rot90(I)
    x2 = hconcat(I, x1)
    x3 = rot270(I)
    x4 = rot180(I)
    x5 = hconcat(x3, x4)
    O = vconcat(x2, x5)
    return O

def solve_7fe24cdd(I):
    x1 = rot90(I)
    x2 = hconcat(I, x1)
    x3 = rot270(I)
    x4 = rot180(I)
    x5 = hconcat(x3, x4)
    O = vconcat(x2, x5)
    return O

def solve_c59eb873(I):
    O = upscale(I, TWO)
    return O

def solve_9172f3a0(I):
    O = upscale(I, THREE)
    return O

def solve_b91ae062(I):
    x1 = palette(I)
    x2 = remove(ZERO, x1)
    x3 = size(x2)
    O = upscale(I, x3)
    return O

def solve_d10ecb37(I):
    O = crop(I, ORIGIN, TWO_BY_TWO)
    return O

def solve_5bd6f4ac(I):
    x1 = tojvec(SIX)
    O = crop(I, x1, THREE_BY_THREE)
    return O

def solve_2dee498d(I):
    x1 = hsplit(I, THREE)
    O = first(x1)
    return O

def solve_7b7f7511(I):
    x1 = portrait(I)
    x2 = branch(x1, vsplit, hsplit)
    x3 = x2(I, TWO)
    O = first(x3)
    return O

def solve_5582e5ca(I):
    x1 = mostcolor(I)
    x2 = shape(I)
    O = canvas(x1, x2)
    return O

def solve_d631b094(I):
    x1 = palette(I)
    x2 = other(x1, ZERO)
    x3 = colorcount(I, x2)
    x4 = astuple(ONE, x3)
    O = canvas(x2, x4)
    return O

def solve_25ff71a9(I):
    x1 = objects(I, T, F, T)
    x2 = first(x1)
    O = move(I, x2, DOWN)
    return O

def solve_1cf80156(I):
    x1 = objects(I, T, T, T)
    x2 = first(x1)
    O = subgrid(x2, I)
    return O

def solve_be94b721(I):
    x1 = objects(I, T, F, T)
    x2 = argmax(x1, size)
    O = subgrid(x2, I)
    return O

def solve_23b5c85d(I):
    x1 = objects(I, T, F, T)
    x2 = argmin(x1, size)
    O = subgrid(x2, I)
    return O

def solve_aabf363d(I):
    x1 = leastcolor(I)
    x2 = replace(I, x1, ZERO)
    x3 = leastcolor(x2)
    O = replace(x2, x3, x1)
    return O

def solve_f76d97a5(I):
    x1 = palette(I)
    x2 = other(x1, FIVE)
    x3 = replace(I, x2, ZERO)
    O = replace(x3, FIVE, x2)
    return O

def solve_d23f8c26(I):
    x1 = width(I)
    x2 = halve(x1)
    x3 = tojvec(x2)
    x4 = vfrontier(x3)
    x5 = asindices(I)
    x6 = difference(x5, x4)
    O = fill(I, ZERO, x6)
    return O

def solve_a699fb00(I):
    x1 = ofcolor(I, ONE)
    x2 = shift(x1, ZERO_BY_TWO)
    x3 = intersection(x1, x2)
    x4 = shift(x3, LEFT)
    O = fill(I, TWO, x4)
    return O
