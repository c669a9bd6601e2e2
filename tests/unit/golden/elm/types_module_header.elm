# Adj

@docs Adj, encodeAdj, adjDecoder
