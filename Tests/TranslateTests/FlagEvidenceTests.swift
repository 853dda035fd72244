import Testing
@testable import Translate

@Suite("FlagEvidence")
struct FlagEvidenceTests {
    func prune(_ command: String, _ request: String, context: [String] = []) -> String {
        FlagEvidence.prune(command, request: request, context: context).command
    }

    @Test func unaskedModifiersAreDropped() {
        #expect(prune("kubectl logs web-0 --previous --tail=30", "previous logs for web-0") == "kubectl logs web-0 --previous")
        #expect(prune("kubectl wait --for=condition=Ready pod/redis-0 --timeout=60s", "wait for redis-0 to be ready")
                == "kubectl wait --for=condition=Ready pod/redis-0")
        #expect(prune("kubectl get cronjobs -o wide", "cronjobs") == "kubectl get cronjobs")
        #expect(prune("kubectl top pods --containers --sort-by=cpu", "top pods by cpu") == "kubectl top pods --sort-by=cpu")
        #expect(prune("kubectl port-forward --address 0.0.0.0 redis-0 6379", "forward redis-0 6379") == "kubectl port-forward redis-0 6379")
        #expect(prune("kubectl create secret generic s --from-literal=a=b --dry-run=client -o yaml", "secret s with a=b")
                == "kubectl create secret generic s --from-literal=a=b")
        #expect(prune("kubectl get pods -owide", "pods") == "kubectl get pods")
        #expect(prune("kubectl get events -n shop --sort-by=.lastTimestamp", "events in shop") == "kubectl get events -n shop")
        #expect(prune("kubectl api-resources --namespaced=true -o name", "which resource types are namespaced")
                == "kubectl api-resources --namespaced=true")
        #expect(prune("kubectl get pvc -A --sort-by=.spec.resources.requests.storage", "pvcs sorted by size")
                == "kubectl get pvc --sort-by=.spec.resources.requests.storage")
        #expect(prune("kubectl get pods --sort-by=.status.startTime --no-headers", "pods, oldest first")
                == "kubectl get pods --sort-by=.status.startTime")
        // Rule words count only at the start of a word: "usage" asks for no age, "nearby" for no "by".
        #expect(prune("kubectl top nodes --sort-by=cpu --sort-by=memory", "Show the CPU and memory usage of the nodes.")
                == "kubectl top nodes")
        #expect(prune("kubectl get pods -o wide", "pods in the zip-codes app") == "kubectl get pods")
        // A restart policy, --rm or a token's lifetime nobody asked for.
        #expect(prune("kubectl run tmp --image=alpine --restart=Never", "run pod tmp img alpine") == "kubectl run tmp --image=alpine")
        #expect(prune("kubectl create token ci-bot -n ci --duration=1h", "tok for sa ci-bot ns ci") == "kubectl create token ci-bot -n ci")
        #expect(prune("kubectl get ingress -A", "ingresses evry ns") == "kubectl get ingress -A")
        #expect(prune("kubectl get pods -n dev -o 'jsonpath={.items[*].metadata.name}'", "pods in ns dev") == "kubectl get pods -n dev")
        #expect(prune("kubectl create job once --image=alpine --restart=Never -- echo hi", "Create a job named once from the image alpine that runs echo hi.")
                == "kubectl create job once --image=alpine -- echo hi")
        #expect(prune("kubectl run sleeper --image=busybox --command -- sleep 3600", "run busybox sleep 3600 name sleeper")
                == "kubectl run sleeper --image=busybox -- sleep 3600")
        #expect(prune("kubectl diff -R -f ./manifests", "diff the manifests in ./manifests") == "kubectl diff -f ./manifests")
        #expect(prune("kubectl apply -f ./m/ -R", "apply everything in ./m/ recursivly") == "kubectl apply -f ./m/ -R")
        // "top" is the verb of `kubectl top`, not an order.
        #expect(prune("kubectl top pods --sort-by=cpu", "top pods") == "kubectl top pods")
        // A selector that reads nothing of the request narrows a listing by a guess.
        #expect(prune("kubectl get pods -l app=checkout -n shop -o name", "pod names only in shop")
                == "kubectl get pods -n shop -o name")
        // A value written only inside another name is a guess too; a value of its own is not.
        #expect(prune("kubectl get pods -l app=reporter -n analytics", "pods that use the service account reporter-sa in analytics")
                == "kubectl get pods -n analytics")
        #expect(prune("kubectl get pvc -n etl --selector storageclass=gp3", "pvcs ns etl w/ storage class") == "kubectl get pvc -n etl")
        #expect(prune("kubectl get pods -l app=reporter", "pods of the reporter app") == "kubectl get pods -l app=reporter")
        // A count spelled out is asked for.
        #expect(prune("kubectl logs comet-0 --all-containers --tail=10", "the last ten log lines of each container of comet-0")
                == "kubectl logs comet-0 --all-containers --tail=10")
        // Operators' spellings ask too.
        #expect(prune("kubectl get pod comet-0 -o wide", "whr is pod comet-0 running") == "kubectl get pod comet-0 -o wide")
        #expect(prune("kubectl top pods -A --sort-by=memory", "mem hungry pods all ns") == "kubectl top pods -A --sort-by=memory")
        // "only" is no request for names.
        #expect(prune("kubectl api-resources --namespaced=true -o name", "namespaced resource types only") == "kubectl api-resources --namespaced=true")
        #expect(prune("kubectl get pods -o name", "bare pod names") == "kubectl get pods -o name")
        // A namespace called `stream` asks for no streaming.
        #expect(prune("kubectl logs kafka-1 -n stream -f", "logs of kafka-1 ns stream") == "kubectl logs kafka-1 -n stream")
    }

    @Test func selectorsAreNeverDroppedFromCommandsThatChangeThings() {
        #expect(prune("kubectl delete pods -l app=checkout -n shop", "delete pods in shop")
                == "kubectl delete pods -l app=checkout -n shop")
        // A dry run only reads, but the same line without --dry-run would delete.
        #expect(prune("kubectl delete pods -l app=checkout --dry-run=client", "dry run of deleting the pods")
                == "kubectl delete pods -l app=checkout --dry-run=client")
        #expect(prune("kubectl get pods -l app=checkout", "checkout pods") == "kubectl get pods -l app=checkout")
        #expect(prune("kubectl get pods -l tier=web", "pods", context: ["selected: deployment/web"]) == "kubectl get pods -l tier=web")
    }

    @Test func askedModifiersStay() {
        for (command, request) in [
            ("kubectl label ns sandbox env=dev --overwrite", "label ns sandbox env=dev --overwrite pls"),
            ("kubectl top pods --sort-by=memory", "top pods sorted by memory"),
            ("kubectl logs web-0 --tail=30", "last 30 lines of web-0"),
            ("kubectl logs web-0 --since=2h", "logs of web-0 from the past 2 hours"),
            ("kubectl get pods -A -o wide", "pods everywhere with node and ip"),
            ("kubectl get deployment web -o yaml", "web deployment manifest"),
            ("kubectl create deployment web --image=nginx --dry-run=client -o yaml", "yaml for deployment web with nginx, dont create it"),
            ("kubectl logs -f web-0", "follow web-0 logs"),
            ("kubectl delete pod web-0 --grace-period=0 --force", "force delete web-0 now"),
            ("kubectl label pod web-0 env=prod --overwrite", "overwrite label env=prod on web-0"),
            ("kubectl get pods --sort-by=.metadata.creationTimestamp", "pods oldest first"),
            ("kubectl get pods -l app=web", "pods of app web"),
            ("kubectl get pods -A", "pods in all namespaces"),
            ("kubectl get pods -A", "every pod in the cluster"),
            ("kubectl get pods -o name", "just the pod names"),
            ("kubectl get events --sort-by=.lastTimestamp", "newest events"),
            ("kubectl run once --image=busybox --restart=Never", "run busybox as pod once, never restart it"),
            ("kubectl get po -n kube-system -o wide", "po ns kube-system -owide"),
            ("kubectl run t --image=alpine --rm -it", "throwaway alpine shell t"),
            ("kubectl create token bot --duration=2h", "token for bot valid 2h"),
        ] {
            #expect(prune(command, request) == command, "\(request)")
        }
    }

    @Test func valuesFromTheSessionCount() {
        #expect(prune("kubectl wait --for=delete pod/a --timeout=90s", "wait until it is gone", context: ["timeout 90s"])
                == "kubectl wait --for=delete pod/a --timeout=90s")
    }

    @Test func shellLinesAreLeftAlone() {
        #expect(prune("kubectl get pods -o wide | grep web", "pods") == "kubectl get pods -o wide | grep web")
        #expect(FlagEvidence.prune("kubectl get pods", request: "pods", context: []).dropped.isEmpty)
    }
}

@Suite("FlagEvidence and the failed command")
struct FlagEvidenceFailedCommandTests {
    @Test func flagsOfTheFailedCommandAreKeptWhenItIsRetried() {
        let context = ["last command (exit 1): kubectl get pod web-0 -o yaml",
                       "Error from server (NotFound): pods \"web-0\" not found"]
        let kept = FlagEvidence.prune("kubectl get pod web-0 -o yaml -n staging", request: "try again in staging",
                                      context: context)
        #expect(kept.command == "kubectl get pod web-0 -o yaml -n staging")
        let pruned = FlagEvidence.prune("kubectl get pod web-0 -o yaml -n staging", request: "try again in staging",
                                        context: [])
        #expect(pruned.dropped == ["-o yaml"])
    }
}

@Suite("FlagEvidence: the key of a sort asks for no printed field")
struct FlagEvidenceSortKeyTests {
    @Test func aSortKeyIsNoFieldToPrint() {
        let command = "kubectl get events -n quarry --sort-by=.lastTimestamp -o jsonpath='{.items[*].message}'"
        #expect(FlagEvidence.prune(command, request: "events in quarry ns, sorted by time, newest at bottom", context: []).command
            == "kubectl get events -n quarry --sort-by=.lastTimestamp")
        // A field the request asks to print stays, and so does the sort.
        #expect(FlagEvidence.prune(command, request: "only the message of each event in quarry, sorted by time", context: []).command
            == command)
        #expect(FlagEvidence.withoutSortKeys(" pods sorted by restart count please ") == " pods please ")
    }
}

@Suite("FlagEvidence: numbers as the request writes them, a swapped letter")
struct FlagEvidenceNumberTests {
    @Test func aNumberMustBeOneTheRequestWrites() {
        #expect(FlagEvidence.prune("kubectl rollout undo deploy/relay --to-revision=1", request: "roll back relay, the new one is broken", context: []).command
            == "kubectl rollout undo deploy/relay")
        #expect(FlagEvidence.prune("kubectl rollout undo deploy/relay --to-revision=1", request: "roll relay back to revision one", context: []).command
            == "kubectl rollout undo deploy/relay --to-revision=1")
        #expect(FlagEvidence.prune("kubectl logs relay-0 --tail=20", request: "last 20 lines of relay-0", context: []).command
            == "kubectl logs relay-0 --tail=20")
    }

    @Test func aShortWordWithTwoLettersSwapped() {
        #expect(FlagEvidence.prune("kubectl get pods -n quarry -w", request: "wacth pods in quarry", context: []).command
            == "kubectl get pods -n quarry -w")
        #expect(FlagEvidence.prune("kubectl get pods -n quarry -w", request: "pods in quarry", context: []).command
            == "kubectl get pods -n quarry")
    }
}
