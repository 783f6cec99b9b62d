# Benchmark fixture: the 127 programs the enumeration search found first, one per task, demo-perfect when found
# (arclab bench-search --budget 80 --list FILE at a78b7c7 on 2 cores; each nested expression written out as one
# line per call). Used by solve --repeat measurements (README, "Cold start and warm pass, measured"),
# SolverPassBench and FoundProgramsTest.

def solve_00d62c1b(I):
    x1 = objects(I, T, F, F)
    x2 = fork(equality, identity, hmirror)
    x3 = mfilter(x1, x2)
    O = underfill(I, FOUR, x3)
    return O

def solve_0520fde7(I):
    x1 = righthalf(I)
    x2 = cellwise(x1, I, ZERO)
    O = replace(x2, ONE, TWO)
    return O

def solve_0b148d64(I):
    x1 = leastcolor(I)
    x2 = ofcolor(I, x1)
    O = subgrid(x2, I)
    return O

def solve_0ca9ddb6(I):
    x1 = ofcolor(I, TWO)
    x2 = mapply(ineighbors, x1)
    x3 = fill(I, FOUR, x2)
    x4 = ofcolor(I, ONE)
    x5 = mapply(dneighbors, x4)
    O = fill(x3, SEVEN, x5)
    return O

def solve_0d3d703e(I):
    x1 = switch(I, ONE, FIVE)
    x2 = switch(x1, TWO, SIX)
    x3 = switch(x2, THREE, FOUR)
    O = switch(x3, EIGHT, NINE)
    return O

def solve_1b2d62fb(I):
    x1 = righthalf(I)
    x2 = cellwise(x1, I, ONE)
    x3 = replace(x2, ZERO, EIGHT)
    x4 = replace(x3, ONE, ZERO)
    O = replace(x4, NINE, ZERO)
    return O

def solve_1b60fb0c(I):
    x1 = dmirror(I)
    x2 = objects(x1, T, F, T)
    x3 = mapply(vmirror, x2)
    O = underfill(I, TWO, x3)
    return O

def solve_1c786137(I):
    x1 = objects(I, T, F, T)
    x2 = argmax(x1, size)
    x3 = delta(x2)
    O = subgrid(x3, I)
    return O

def solve_1cf80156(I):
    O = compress(I)
    return O

def solve_1f85a75f(I):
    x1 = leastcolor(I)
    x2 = ofcolor(I, x1)
    O = subgrid(x2, I)
    return O

def solve_2013d3e2(I):
    x1 = compress(I)
    x2 = lefthalf(x1)
    O = tophalf(x2)
    return O

def solve_22eb0ac0(I):
    x1 = fork(recolor, color, backdrop)
    x2 = partition(I)
    x3 = apply(x1, x2)
    x4 = mfilter(x3, hline)
    O = paint(I, x4)
    return O

def solve_239be575(I):
    x1 = trim(I)
    x2 = trim(x1)
    x3 = downscale(x2, THREE)
    O = replace(x3, TWO, EIGHT)
    return O

def solve_23b5c85d(I):
    x1 = leastcolor(I)
    x2 = ofcolor(I, x1)
    O = subgrid(x2, I)
    return O

def solve_25d8a9c8(I):
    x1 = objects(I, T, F, F)
    x2 = matcher(width, ONE)
    x3 = mfilter(x1, x2)
    x4 = fill(I, ZERO, x3)
    x5 = objects(I, T, F, F)
    x6 = matcher(width, TWO)
    x7 = mfilter(x5, x6)
    x8 = fill(x4, ZERO, x7)
    x9 = objects(I, T, F, F)
    x10 = matcher(width, THREE)
    x11 = mfilter(x9, x10)
    O = fill(x8, FIVE, x11)
    return O

def solve_25ff71a9(I):
    x1 = asobject(I)
    O = move(I, x1, DOWN)
    return O

def solve_28bf18c6(I):
    x1 = hconcat(I, I)
    O = compress(x1)
    return O

def solve_2dc579da(I):
    x1 = lefthalf(I)
    x2 = bottomhalf(x1)
    x3 = righthalf(I)
    x4 = tophalf(x3)
    x5 = fgpartition(x4)
    x6 = merge(x5)
    x7 = paint(x2, x6)
    x8 = lefthalf(I)
    x9 = tophalf(x8)
    x10 = fgpartition(x9)
    x11 = merge(x10)
    O = paint(x7, x11)
    return O

def solve_2dee498d(I):
    x1 = rot90(I)
    x2 = asindices(x1)
    O = subgrid(x2, I)
    return O

def solve_32597951(I):
    x1 = ofcolor(I, EIGHT)
    x2 = delta(x1)
    O = fill(I, THREE, x2)
    return O

def solve_3428a4f5(I):
    x1 = bottomhalf(I)
    x2 = cellwise(x1, I, THREE)
    O = replace(x2, TWO, ZERO)
    return O

def solve_3618c87e(I):
    x1 = ofcolor(I, ONE)
    x2 = fill(I, ZERO, x1)
    x3 = ofcolor(I, ZERO)
    x4 = mapply(dneighbors, x3)
    x5 = delta(x4)
    O = fill(x2, ONE, x5)
    return O

def solve_39a8645d(I):
    x1 = objects(I, T, T, T)
    x2 = argmax(x1, color)
    O = subgrid(x2, I)
    return O

def solve_3aa6fb7a(I):
    x1 = objects(I, T, F, T)
    x2 = mapply(backdrop, x1)
    O = underfill(I, ONE, x2)
    return O

def solve_3af2c5a8(I):
    x1 = vmirror(I)
    x2 = hconcat(I, x1)
    x3 = hmirror(I)
    x4 = rot180(I)
    x5 = hconcat(x3, x4)
    O = vconcat(x2, x5)
    return O

def solve_3c9b0459(I):
    O = rot180(I)
    return O

def solve_3f7978a0(I):
    x1 = ofcolor(I, FIVE)
    x2 = delta(x1)
    x3 = mapply(dneighbors, x2)
    O = subgrid(x3, I)
    return O

def solve_4258a5f9(I):
    x1 = objects(I, T, F, T)
    x2 = mapply(inbox, x1)
    O = fill(I, ONE, x2)
    return O

def solve_42a50994(I):
    x1 = objects(I, T, T, T)
    x2 = mfilter(x1, square)
    O = fill(I, ZERO, x2)
    return O

def solve_4347f46a(I):
    x1 = objects(I, T, F, T)
    x2 = apply(inbox, x1)
    x3 = mapply(backdrop, x2)
    O = fill(I, ZERO, x3)
    return O

def solve_445eab21(I):
    x1 = compress(I)
    x2 = width(x1)
    x3 = astuple(TWO, TWO)
    x4 = canvas(x2, x3)
    x5 = switch(x4, SEVEN, EIGHT)
    O = replace(x5, NINE, FOUR)
    return O

def solve_44d8ac46(I):
    x1 = objects(I, T, F, F)
    x2 = mfilter(x1, square)
    O = fill(I, TWO, x2)
    return O

def solve_44f52bb0(I):
    x1 = trim(I)
    x2 = lbind(recolor, ONE)
    x3 = objects(I, T, F, T)
    x4 = mapply(x2, x3)
    x5 = paint(x1, x4)
    x6 = replace(x5, ONE, SEVEN)
    x7 = replace(x6, ZERO, ONE)
    O = replace(x7, TWO, ONE)
    return O

def solve_46442a0e(I):
    x1 = rot90(I)
    x2 = hconcat(I, x1)
    x3 = rot270(I)
    x4 = rot180(I)
    x5 = hconcat(x3, x4)
    O = vconcat(x2, x5)
    return O

def solve_48d8fb45(I):
    x1 = objects(I, T, T, T)
    x2 = rbind(bordering, I)
    x3 = compose(flip, x2)
    x4 = sfilter(x1, x3)
    x5 = argmax(x4, rightmost)
    O = subgrid(x5, I)
    return O

def solve_496994bd(I):
    x1 = rot180(I)
    x2 = asobject(x1)
    O = underpaint(I, x2)
    return O

def solve_4c4377d9(I):
    x1 = hmirror(I)
    O = vconcat(x1, I)
    return O

def solve_50cb2852(I):
    x1 = objects(I, T, F, T)
    x2 = apply(inbox, x1)
    x3 = mapply(backdrop, x2)
    O = fill(I, EIGHT, x3)
    return O

def solve_543a7ed5(I):
    x1 = objects(I, T, F, T)
    x2 = mapply(outbox, x1)
    x3 = fill(I, THREE, x2)
    x4 = objects(I, T, F, T)
    x5 = mapply(delta, x4)
    O = fill(x3, FOUR, x5)
    return O

def solve_5582e5ca(I):
    x1 = mostcolor(I)
    x2 = asindices(I)
    O = fill(I, x1, x2)
    return O

def solve_5614dbcf(I):
    x1 = downscale(I, TWO)
    O = trim(x1)
    return O

def solve_56ff96f3(I):
    x1 = fork(recolor, color, backdrop)
    x2 = fgpartition(I)
    x3 = mapply(x1, x2)
    O = paint(I, x3)
    return O

def solve_5bd6f4ac(I):
    x1 = astuple(ZERO, SIX)
    x2 = astuple(THREE, THREE)
    O = crop(I, x1, x2)
    return O

def solve_5c0a986e(I):
    x1 = ofcolor(I, ONE)
    x2 = ulcorner(x1)
    x3 = shoot(x2, NEG_UNITY)
    x4 = fill(I, ONE, x3)
    x5 = ofcolor(I, TWO)
    x6 = ulcorner(x5)
    x7 = shoot(x6, UNITY)
    O = fill(x4, TWO, x7)
    return O

def solve_60b61512(I):
    x1 = objects(I, T, F, T)
    x2 = mapply(backdrop, x1)
    O = underfill(I, SEVEN, x2)
    return O

def solve_6150a2bd(I):
    O = rot180(I)
    return O

def solve_62c24649(I):
    x1 = vmirror(I)
    x2 = hconcat(I, x1)
    x3 = hmirror(I)
    x4 = rot180(I)
    x5 = hconcat(x3, x4)
    O = vconcat(x2, x5)
    return O

def solve_63613498(I):
    x1 = partition(I)
    x2 = argmax(x1, leftmost)
    O = fill(I, FIVE, x2)
    return O

def solve_6430c8c4(I):
    x1 = bottomhalf(I)
    x2 = cellwise(x1, I, TWO)
    x3 = replace(x2, ZERO, THREE)
    O = replace(x3, TWO, ZERO)
    return O

def solve_662c240a(I):
    x1 = rot180(I)
    x2 = mostcolor(I)
    x3 = ofcolor(x1, x2)
    O = subgrid(x3, I)
    return O

def solve_67385a82(I):
    x1 = objects(I, T, F, F)
    x2 = matcher(color, THREE)
    x3 = sfilter(x1, x2)
    x4 = matcher(size, THREE)
    x5 = mfilter(x3, x4)
    x6 = fill(I, EIGHT, x5)
    x7 = objects(I, T, F, F)
    x8 = matcher(color, THREE)
    x9 = sfilter(x7, x8)
    x10 = matcher(size, FOUR)
    x11 = mfilter(x9, x10)
    x12 = fill(x6, EIGHT, x11)
    x13 = objects(I, T, F, F)
    x14 = matcher(color, THREE)
    x15 = sfilter(x13, x14)
    x16 = matcher(size, FIVE)
    x17 = mfilter(x15, x16)
    O = fill(x12, EIGHT, x17)
    return O

def solve_67a3c6ac(I):
    O = vmirror(I)
    return O

def solve_67a423a3(I):
    x1 = fgpartition(I)
    x2 = mapply(delta, x1)
    x3 = inbox(x2)
    O = fill(I, FOUR, x3)
    return O

def solve_67e8384a(I):
    x1 = vmirror(I)
    x2 = hconcat(I, x1)
    x3 = hmirror(I)
    x4 = rot180(I)
    x5 = hconcat(x3, x4)
    O = vconcat(x2, x5)
    return O

def solve_68b16354(I):
    O = hmirror(I)
    return O

def solve_6d0aefbc(I):
    x1 = vmirror(I)
    O = hconcat(I, x1)
    return O

def solve_6d75e8bb(I):
    x1 = objects(I, T, F, T)
    x2 = mapply(backdrop, x1)
    O = underfill(I, TWO, x2)
    return O

def solve_6e82a1ae(I):
    x1 = objects(I, T, F, T)
    x2 = matcher(size, TWO)
    x3 = mfilter(x1, x2)
    x4 = fill(I, THREE, x3)
    x5 = objects(I, T, F, T)
    x6 = matcher(size, THREE)
    x7 = mfilter(x5, x6)
    x8 = fill(x4, TWO, x7)
    x9 = objects(I, T, F, T)
    x10 = matcher(size, FOUR)
    x11 = mfilter(x9, x10)
    O = fill(x8, ONE, x11)
    return O

def solve_6f8cd79b(I):
    x1 = objects(I, T, F, F)
    x2 = mapply(box, x1)
    O = fill(I, EIGHT, x2)
    return O

def solve_6fa7a44f(I):
    x1 = hmirror(I)
    O = vconcat(I, x1)
    return O

def solve_72ca375d(I):
    x1 = objects(I, T, T, T)
    x2 = fork(equality, identity, vmirror)
    x3 = mfilter(x1, x2)
    O = subgrid(x3, I)
    return O

def solve_7468f01a(I):
    x1 = compress(I)
    O = vmirror(x1)
    return O

def solve_74dd1130(I):
    O = dmirror(I)
    return O

def solve_7b6016b9(I):
    x1 = objects(I, T, F, F)
    x2 = rbind(bordering, I)
    x3 = compose(flip, x2)
    x4 = mfilter(x1, x3)
    x5 = fill(I, SEVEN, x4)
    x6 = replace(x5, ZERO, THREE)
    O = replace(x6, SEVEN, TWO)
    return O

def solve_7fe24cdd(I):
    x1 = rot90(I)
    x2 = hconcat(I, x1)
    x3 = rot270(I)
    x4 = rot180(I)
    x5 = hconcat(x3, x4)
    O = vconcat(x2, x5)
    return O

def solve_810b9b61(I):
    x1 = objects(I, T, F, T)
    x2 = fork(equality, identity, hmirror)
    x3 = sfilter(x1, x2)
    x4 = matcher(height, THREE)
    x5 = mfilter(x3, x4)
    x6 = fill(I, THREE, x5)
    x7 = objects(I, T, F, T)
    x8 = fork(equality, identity, hmirror)
    x9 = sfilter(x7, x8)
    x10 = matcher(height, FOUR)
    x11 = mfilter(x9, x10)
    O = fill(x6, THREE, x11)
    return O

def solve_868de0fa(I):
    x1 = objects(I, T, F, F)
    x2 = sfilter(x1, square)
    x3 = matcher(height, ONE)
    x4 = mfilter(x2, x3)
    x5 = fill(I, SEVEN, x4)
    x6 = objects(I, T, F, F)
    x7 = sfilter(x6, square)
    x8 = matcher(height, TWO)
    x9 = mfilter(x7, x8)
    x10 = fill(x5, TWO, x9)
    x11 = objects(I, T, F, F)
    x12 = sfilter(x11, square)
    x13 = matcher(height, THREE)
    x14 = mfilter(x12, x13)
    x15 = fill(x10, SEVEN, x14)
    x16 = objects(I, T, F, F)
    x17 = sfilter(x16, square)
    x18 = matcher(height, FOUR)
    x19 = mfilter(x17, x18)
    x20 = fill(x15, TWO, x19)
    x21 = objects(I, T, F, F)
    x22 = sfilter(x21, square)
    x23 = matcher(height, FIVE)
    x24 = mfilter(x22, x23)
    x25 = fill(x20, SEVEN, x24)
    x26 = objects(I, T, F, F)
    x27 = sfilter(x26, square)
    x28 = matcher(height, SIX)
    x29 = mfilter(x27, x28)
    O = fill(x25, TWO, x29)
    return O

def solve_88a62173(I):
    x1 = compress(I)
    x2 = trim(x1)
    x3 = tophalf(x2)
    x4 = downscale(I, FOUR)
    x5 = bottomhalf(x4)
    O = vconcat(x3, x5)
    return O

def solve_8be77c9e(I):
    x1 = hmirror(I)
    O = vconcat(I, x1)
    return O

def solve_8d5021e8(I):
    x1 = rot180(I)
    x2 = hmirror(I)
    x3 = hconcat(x1, x2)
    x4 = vmirror(I)
    x5 = hconcat(x4, I)
    x6 = vconcat(x3, x5)
    x7 = rot180(I)
    x8 = hmirror(I)
    x9 = hconcat(x7, x8)
    O = vconcat(x6, x9)
    return O

def solve_8efcae92(I):
    x1 = objects(I, T, F, F)
    x2 = matcher(color, ONE)
    x3 = sfilter(x1, x2)
    x4 = compose(size, delta)
    x5 = argmax(x3, x4)
    O = subgrid(x5, I)
    return O

def solve_913fb3ed(I):
    x1 = ofcolor(I, TWO)
    x2 = mapply(neighbors, x1)
    x3 = fill(I, ONE, x2)
    x4 = ofcolor(I, EIGHT)
    x5 = mapply(neighbors, x4)
    x6 = fill(x3, FOUR, x5)
    x7 = ofcolor(I, THREE)
    x8 = mapply(neighbors, x7)
    O = fill(x6, SIX, x8)
    return O

def solve_9172f3a0(I):
    O = upscale(I, THREE)
    return O

def solve_928ad970(I):
    x1 = lbind(recolor, ZERO)
    x2 = fgpartition(I)
    x3 = apply(inbox, x2)
    x4 = apply(x1, x3)
    x5 = matcher(width, EIGHT)
    x6 = mfilter(x4, x5)
    x7 = fill(I, THREE, x6)
    x8 = lbind(recolor, ZERO)
    x9 = fgpartition(I)
    x10 = apply(inbox, x9)
    x11 = apply(x8, x10)
    x12 = matcher(width, NINE)
    x13 = mfilter(x11, x12)
    x14 = fill(x7, ONE, x13)
    x15 = lbind(recolor, ZERO)
    x16 = fgpartition(I)
    x17 = apply(inbox, x16)
    x18 = apply(x15, x17)
    x19 = matcher(width, TEN)
    x20 = mfilter(x18, x19)
    O = fill(x14, FOUR, x20)
    return O

def solve_94f9d214(I):
    x1 = bottomhalf(I)
    x2 = cellwise(x1, I, ONE)
    x3 = replace(x2, ZERO, TWO)
    O = replace(x3, ONE, ZERO)
    return O

def solve_9565186b(I):
    x1 = objects(I, T, F, T)
    x2 = matcher(size, ONE)
    x3 = mfilter(x1, x2)
    x4 = fill(I, FIVE, x3)
    x5 = objects(I, T, F, T)
    x6 = matcher(size, TWO)
    x7 = mfilter(x5, x6)
    x8 = fill(x4, FIVE, x7)
    x9 = objects(I, T, F, T)
    x10 = matcher(size, THREE)
    x11 = mfilter(x9, x10)
    O = fill(x8, FIVE, x11)
    return O

def solve_9dfd6313(I):
    O = dmirror(I)
    return O

def solve_9ecd008a(I):
    x1 = ofcolor(I, ZERO)
    x2 = rot90(I)
    O = subgrid(x1, x2)
    return O

def solve_9f236235(I):
    x1 = downscale(I, FIVE)
    O = vmirror(x1)
    return O

def solve_a416b8f3(I):
    O = hconcat(I, I)
    return O

def solve_a5313dff(I):
    x1 = objects(I, T, F, F)
    x2 = rbind(bordering, I)
    x3 = compose(flip, x2)
    x4 = mfilter(x1, x3)
    O = underfill(I, ONE, x4)
    return O

def solve_a61f2674(I):
    x1 = objects(I, T, F, T)
    x2 = matcher(size, TWO)
    x3 = mfilter(x1, x2)
    x4 = fill(I, TWO, x3)
    x5 = objects(I, T, F, T)
    x6 = matcher(size, THREE)
    x7 = mfilter(x5, x6)
    x8 = fill(x4, TWO, x7)
    x9 = objects(I, T, F, T)
    x10 = matcher(size, FOUR)
    x11 = mfilter(x9, x10)
    x12 = fill(x8, ZERO, x11)
    x13 = objects(I, T, F, T)
    x14 = matcher(size, SIX)
    x15 = mfilter(x13, x14)
    x16 = fill(x12, ZERO, x15)
    x17 = objects(I, T, F, T)
    x18 = matcher(size, SEVEN)
    x19 = mfilter(x17, x18)
    x20 = fill(x16, ZERO, x19)
    x21 = objects(I, T, F, T)
    x22 = matcher(size, EIGHT)
    x23 = mfilter(x21, x22)
    x24 = fill(x20, ONE, x23)
    x25 = objects(I, T, F, T)
    x26 = matcher(size, NINE)
    x27 = mfilter(x25, x26)
    O = fill(x24, ONE, x27)
    return O

def solve_a740d043(I):
    x1 = objects(I, T, F, T)
    x2 = fork(equality, identity, hmirror)
    x3 = mfilter(x1, x2)
    x4 = subgrid(x3, I)
    O = replace(x4, ONE, ZERO)
    return O

def solve_a79310a0(I):
    x1 = asobject(I)
    x2 = move(I, x1, DOWN)
    O = replace(x2, EIGHT, TWO)
    return O

def solve_a85d4709(I):
    x1 = lefthalf(I)
    x2 = ofcolor(x1, FIVE)
    x3 = mapply(hfrontier, x2)
    x4 = fill(I, TWO, x3)
    x5 = righthalf(I)
    x6 = ofcolor(x5, FIVE)
    x7 = mapply(hfrontier, x6)
    x8 = fill(x4, THREE, x7)
    x9 = objects(I, T, F, F)
    x10 = mapply(delta, x9)
    x11 = mapply(hfrontier, x10)
    O = fill(x8, FOUR, x11)
    return O

def solve_a87f7484(I):
    x1 = partition(I)
    x2 = compose(size, delta)
    x3 = argmin(x1, x2)
    O = subgrid(x3, I)
    return O

def solve_aabf363d(I):
    x1 = replace(I, ZERO, EIGHT)
    x2 = replace(x1, FOUR, ZERO)
    x3 = replace(x2, TWO, FOUR)
    x4 = replace(x3, SIX, ZERO)
    x5 = replace(x4, THREE, SIX)
    O = replace(x5, EIGHT, ZERO)
    return O

def solve_ac0a08a4(I):
    x1 = objects(I, T, F, T)
    x2 = size(x1)
    O = upscale(I, x2)
    return O

def solve_ae4f1146(I):
    x1 = objects(I, F, F, T)
    x2 = rbind(colorcount, ONE)
    x3 = argmax(x1, x2)
    O = subgrid(x3, I)
    return O

def solve_aedd82e4(I):
    x1 = objects(I, T, F, F)
    x2 = matcher(color, TWO)
    x3 = sfilter(x1, x2)
    x4 = matcher(size, ONE)
    x5 = mfilter(x3, x4)
    O = fill(I, ONE, x5)
    return O

def solve_b1948b0a(I):
    O = replace(I, SIX, TWO)
    return O

def solve_b230c067(I):
    x1 = objects(I, T, F, T)
    x2 = matcher(size, FOUR)
    x3 = mfilter(x1, x2)
    x4 = fill(I, TWO, x3)
    x5 = objects(I, T, F, T)
    x6 = matcher(size, FIVE)
    x7 = mfilter(x5, x6)
    x8 = fill(x4, ONE, x7)
    x9 = objects(I, T, F, T)
    x10 = matcher(size, EIGHT)
    x11 = mfilter(x9, x10)
    x12 = fill(x8, TWO, x11)
    x13 = objects(I, T, F, T)
    x14 = matcher(size, NINE)
    x15 = mfilter(x13, x14)
    x16 = fill(x12, ONE, x15)
    x17 = objects(I, T, F, T)
    x18 = matcher(size, TEN)
    x19 = mfilter(x17, x18)
    O = fill(x16, ONE, x19)
    return O

def solve_b27ca6d3(I):
    x1 = objects(I, T, F, T)
    x2 = matcher(size, TWO)
    x3 = sfilter(x1, x2)
    x4 = mapply(outbox, x3)
    O = fill(I, THREE, x4)
    return O

def solve_b60334d2(I):
    x1 = ofcolor(I, FIVE)
    x2 = fill(I, ZERO, x1)
    x3 = ofcolor(I, FIVE)
    x4 = mapply(dneighbors, x3)
    x5 = fill(x2, ONE, x4)
    x6 = ofcolor(I, FIVE)
    x7 = mapply(ineighbors, x6)
    O = fill(x5, FIVE, x7)
    return O

def solve_b91ae062(I):
    x1 = fgpartition(I)
    x2 = size(x1)
    O = upscale(I, x2)
    return O

def solve_b9b7f026(I):
    x1 = leastcolor(I)
    x2 = canvas(x1, UNITY)
    x3 = replace(x2, ONE, SIX)
    x4 = replace(x3, SEVEN, TWO)
    O = replace(x4, EIGHT, FIVE)
    return O

def solve_ba97ae07(I):
    x1 = compress(I)
    x2 = leastcolor(x1)
    x3 = compress(I)
    x4 = objects(x3, T, F, T)
    x5 = argmax(x4, size)
    O = fill(I, x2, x5)
    return O

def solve_bb43febb(I):
    x1 = objects(I, T, F, T)
    x2 = apply(inbox, x1)
    x3 = mapply(backdrop, x2)
    O = fill(I, TWO, x3)
    return O

def solve_be94b721(I):
    x1 = objects(I, T, F, T)
    x2 = argmax(x1, size)
    O = subgrid(x2, I)
    return O

def solve_c0f76784(I):
    x1 = objects(I, T, F, F)
    x2 = sfilter(x1, square)
    x3 = matcher(size, ONE)
    x4 = mfilter(x2, x3)
    x5 = fill(I, SIX, x4)
    x6 = objects(I, T, F, F)
    x7 = sfilter(x6, square)
    x8 = matcher(size, FOUR)
    x9 = mfilter(x7, x8)
    x10 = fill(x5, SEVEN, x9)
    x11 = objects(I, T, F, F)
    x12 = sfilter(x11, square)
    x13 = matcher(size, NINE)
    x14 = mfilter(x12, x13)
    O = fill(x10, EIGHT, x14)
    return O

def solve_c59eb873(I):
    O = upscale(I, TWO)
    return O

def solve_c8f0f002(I):
    O = replace(I, SEVEN, FIVE)
    return O

def solve_c909285e(I):
    x1 = leastcolor(I)
    x2 = ofcolor(I, x1)
    O = subgrid(x2, I)
    return O

def solve_c9e6f938(I):
    x1 = vmirror(I)
    O = hconcat(I, x1)
    return O

def solve_ce22a75a(I):
    x1 = objects(I, T, F, T)
    x2 = apply(inbox, x1)
    x3 = mapply(backdrop, x2)
    O = fill(I, ONE, x3)
    return O

def solve_ce4f8723(I):
    x1 = bottomhalf(I)
    x2 = cellwise(x1, I, ONE)
    O = replace(x2, ONE, THREE)
    return O

def solve_d10ecb37(I):
    x1 = astuple(ZERO, ZERO)
    x2 = astuple(TWO, TWO)
    O = crop(I, x1, x2)
    return O

def solve_d23f8c26(I):
    x1 = vmirror(I)
    x2 = cellwise(I, x1, ZERO)
    O = replace(x2, SIX, ZERO)
    return O

def solve_d2abd087(I):
    x1 = objects(I, T, F, T)
    x2 = matcher(size, TWO)
    x3 = mfilter(x1, x2)
    x4 = fill(I, ONE, x3)
    x5 = objects(I, T, F, T)
    x6 = matcher(size, THREE)
    x7 = mfilter(x5, x6)
    x8 = fill(x4, ONE, x7)
    x9 = objects(I, T, F, T)
    x10 = matcher(size, FOUR)
    x11 = mfilter(x9, x10)
    x12 = fill(x8, ONE, x11)
    x13 = objects(I, T, F, T)
    x14 = matcher(size, FIVE)
    x15 = mfilter(x13, x14)
    x16 = fill(x12, ONE, x15)
    x17 = objects(I, T, F, T)
    x18 = matcher(size, SIX)
    x19 = mfilter(x17, x18)
    x20 = fill(x16, TWO, x19)
    x21 = objects(I, T, F, T)
    x22 = matcher(size, SEVEN)
    x23 = mfilter(x21, x22)
    O = fill(x20, ONE, x23)
    return O

def solve_d364b489(I):
    x1 = ofcolor(I, ONE)
    x2 = shift(x1, UP)
    x3 = fill(I, TWO, x2)
    x4 = ofcolor(I, ONE)
    x5 = shift(x4, RIGHT)
    x6 = fill(x3, SIX, x5)
    x7 = ofcolor(I, ONE)
    x8 = shift(x7, LEFT)
    x9 = fill(x6, SEVEN, x8)
    x10 = ofcolor(I, ONE)
    x11 = shift(x10, DOWN)
    O = fill(x9, EIGHT, x11)
    return O

def solve_d511f180(I):
    O = switch(I, FIVE, EIGHT)
    return O

def solve_d5d6de2d(I):
    x1 = ofcolor(I, TWO)
    x2 = fill(I, ZERO, x1)
    x3 = objects(I, T, F, T)
    x4 = mapply(delta, x3)
    O = fill(x2, THREE, x4)
    return O

def solve_d9fac9be(I):
    x1 = objects(I, T, F, T)
    x2 = rbind(colorcount, EIGHT)
    x3 = argmax(x1, x2)
    O = subgrid(x3, I)
    return O

def solve_dae9d2b5(I):
    x1 = righthalf(I)
    x2 = cellwise(x1, I, THREE)
    O = replace(x2, THREE, SIX)
    return O

def solve_dc0a314f(I):
    x1 = ofcolor(I, THREE)
    x2 = rot180(I)
    O = subgrid(x1, x2)
    return O

def solve_dc1df850(I):
    x1 = ofcolor(I, TWO)
    x2 = mapply(neighbors, x1)
    O = fill(I, ONE, x2)
    return O

def solve_de1cd16c(I):
    x1 = objects(I, T, F, T)
    x2 = argmax(x1, uppermost)
    x3 = subgrid(x2, I)
    x4 = replace(x3, SIX, EIGHT)
    x5 = replace(x4, FOUR, SIX)
    x6 = replace(x5, TWO, FOUR)
    O = replace(x6, ONE, TWO)
    return O

def solve_e3497940(I):
    x1 = lefthalf(I)
    x2 = righthalf(I)
    x3 = vmirror(x2)
    x4 = asobject(x3)
    O = underpaint(x1, x4)
    return O

def solve_e8593010(I):
    x1 = objects(I, T, F, T)
    x2 = matcher(size, ONE)
    x3 = mfilter(x1, x2)
    x4 = fill(I, THREE, x3)
    x5 = objects(I, T, F, T)
    x6 = matcher(size, TWO)
    x7 = mfilter(x5, x6)
    x8 = fill(x4, TWO, x7)
    x9 = objects(I, T, F, T)
    x10 = matcher(size, THREE)
    x11 = mfilter(x9, x10)
    O = fill(x8, ONE, x11)
    return O

def solve_e98196ab(I):
    x1 = tophalf(I)
    x2 = bottomhalf(I)
    x3 = asobject(x2)
    O = underpaint(x1, x3)
    return O

def solve_ed36ccf7(I):
    O = rot270(I)
    return O

def solve_f25fbde4(I):
    x1 = upscale(I, TWO)
    O = compress(x1)
    return O

def solve_f25ffba3(I):
    x1 = hmirror(I)
    x2 = asobject(x1)
    O = underpaint(I, x2)
    return O

def solve_f2829549(I):
    x1 = righthalf(I)
    x2 = cellwise(x1, I, ONE)
    x3 = replace(x2, ZERO, THREE)
    O = replace(x3, ONE, ZERO)
    return O

def solve_f76d97a5(I):
    x1 = partition(I)
    x2 = rbind(colorcount, FIVE)
    x3 = argmin(x1, x2)
    x4 = fill(I, ZERO, x3)
    x5 = ofcolor(I, FOUR)
    x6 = mapply(neighbors, x5)
    x7 = fill(x4, FOUR, x6)
    x8 = ofcolor(I, SIX)
    x9 = delta(x8)
    x10 = fill(x7, SIX, x9)
    x11 = objects(I, T, T, T)
    x12 = matcher(width, FOUR)
    x13 = mfilter(x11, x12)
    O = fill(x10, NINE, x13)
    return O

def solve_fafffa47(I):
    x1 = bottomhalf(I)
    x2 = cellwise(x1, I, ONE)
    x3 = replace(x2, ZERO, TWO)
    O = replace(x3, ONE, ZERO)
    return O

def solve_ff805c23(I):
    x1 = ofcolor(I, ONE)
    x2 = rot90(I)
    O = subgrid(x1, x2)
    return O

