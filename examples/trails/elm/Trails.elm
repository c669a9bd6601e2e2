module Trails exposing (main)

{-| Both trails workers used from one Elm program: plan a route and search for huts,
then read the shared domain types out of the responses.

A `Platform.worker`, so that elm/core and elm/json are all it needs.

-}

import Dict
import Workers.RouteWorker as Route
import Workers.SearchWorker as Search
import Workers.Types as Types


type Msg
    = RouteResult Route.RouteWorkerResponse
    | SearchResult Search.SearchWorkerResponse


type alias Model =
    { progress : Int
    , summary : List String
    , errors : List String
    }


start : Cmd Msg
start =
    Cmd.batch
        [ Route.planRoute
            [ { lat = 46.5, lng = 7.9 }, { lat = 46.6, lng = 8.0 } ]
            Types.TrailRunning
            [ Types.SurfacePaved, Types.SurfaceUnknown ]
        , Route.computeProfile "r1" (Types.Meters 50)
        , Search.search "hut" Nothing 20
        , Search.placesNear { lat = 46.58, lng = 8.02 } (Types.Meters 2000)
        ]


update : Msg -> Model -> ( Model, Cmd Msg )
update msg model =
    case msg of
        RouteResult (Route.RouteProgress progress) ->
            ( { model | progress = progress.percent }, Cmd.none )

        RouteResult (Route.RoutePlanned planned) ->
            ( { model | summary = describeRoute planned.route :: model.summary }, Cmd.none )

        RouteResult (Route.ProfileComputed computed) ->
            ( { model | summary = (String.fromInt (List.length computed.profile) ++ " samples") :: model.summary }
            , Cmd.none
            )

        RouteResult (Route.RoutingFailed failed) ->
            ( { model | errors = failed.error :: model.errors }, Cmd.none )

        SearchResult (Search.IndexReady ready) ->
            ( { model | summary = (String.fromInt ready.placeCount ++ " places, " ++ String.fromInt (countNodes ready.root) ++ " nodes") :: model.summary }
            , Cmd.none
            )

        SearchResult (Search.SearchResults results) ->
            ( { model | summary = List.map describeHit results.hits ++ model.summary }, Cmd.none )

        SearchResult (Search.SearchFailed failed) ->
            ( { model | errors = failed.error :: model.errors }, Cmd.none )


describeRoute : Types.Route -> String
describeRoute (Types.Route route) =
    let
        (Types.Meters distance) =
            route.stats.distance
    in
    String.fromFloat distance
        ++ " m over "
        ++ String.fromInt (List.sum (List.map countStretches route.legs))
        ++ " stretches, "
        ++ String.join ", " (List.map describeInstruction route.instructions)
        ++ (case route.alternative of
                Just alternative ->
                    "; or " ++ describeRoute alternative

                Nothing ->
                    ""
           )


countStretches : Types.Segment -> Int
countStretches segment =
    case segment of
        Types.Stretch _ ->
            1

        Types.Leg leg ->
            List.sum (List.map countStretches leg.parts)


describeInstruction : Types.Instruction -> String
describeInstruction instruction =
    case instruction of
        Types.Start ->
            "start"

        Types.Continue (Types.Meters meters) ->
            "continue " ++ String.fromFloat meters ++ " m"

        Types.Turn turn ->
            case turn.side of
                Types.Left ->
                    "turn left"

                Types.Right ->
                    "turn right"

        Types.TakeTrail name marking ->
            "take " ++ name ++ Maybe.withDefault "" (Maybe.map (\mark -> " (" ++ mark ++ ")") marking)

        Types.Arrive ->
            "arrive"


countNodes : Types.IndexNode -> Int
countNodes (Types.IndexNode node) =
    1 + List.sum (List.map countNodes node.children)


describeHit : Types.SearchHit -> String
describeHit hit =
    let
        place =
            hit.place

        matched =
            case hit.matched of
                Types.Exact name ->
                    name

                Types.Fuzzy fuzzy ->
                    fuzzy.term ++ " (" ++ String.fromInt fuzzy.edits ++ " edits)"

        amenities =
            Maybe.withDefault [] (Dict.get "amenity" place.labels)
    in
    place.name ++ ", " ++ describeKind place.kind ++ ", matched " ++ matched ++ ", " ++ String.join "/" amenities


describeKind : Types.PlaceKind -> String
describeKind kind =
    case kind of
        Types.PlaceKindPeak peak ->
            "peak, prominence " ++ String.fromFloat peak.prominence

        Types.PlaceKindHut hut ->
            String.fromInt hut.beds
                ++ " beds"
                ++ (if hut.staffed then
                        ", staffed"

                    else
                        ""
                   )

        Types.PlaceKindSpring ->
            "water"

        Types.PlaceKindTrailHead trailHead ->
            "trail head, " ++ String.fromInt (Maybe.withDefault 0 trailHead.parkingSpaces) ++ " parking spaces"

        Types.PlaceKindUnknown ->
            "unknown"


subscriptions : Model -> Sub Msg
subscriptions _ =
    Sub.batch
        [ Route.routeWorkerResponse RouteResult
        , Search.searchWorkerResponse SearchResult
        ]


main : Program () Model Msg
main =
    Platform.worker
        { init = \_ -> ( { progress = 0, summary = [], errors = [] }, start )
        , update = update
        , subscriptions = subscriptions
        }
